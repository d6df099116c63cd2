package io.drydock.allocator.resources;

/** Mesos resource value types (TEXT is not supported, as in Mesos). */
public enum ResourceType { SCALAR, RANGES, SET }
