package io.drydock.maintenance.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A protobuf message descriptor, enough of one to parse and render JSON the way stout does: fields in
 * declaration order with their name, kind, cardinality and, for enums, their value names.
 */
public final class ProtoType {

  /** The field kinds the maintenance messages use. */
  public enum Kind { STRING, INT64, ENUM, MESSAGE }

  /** One field. {@code messageType} is lazy so descriptors can refer to each other. */
  public record Field(String name, Kind kind, boolean repeated, boolean required,
      Supplier<ProtoType> messageType, Set<String> enumValues) {}

  private final String name;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  private ProtoType(String name) {
    this.name = name;
  }

  /** Starts a descriptor. */
  public static ProtoType message(String name) {
    return new ProtoType(name);
  }

  public ProtoType optional(String field, Kind kind) {
    return add(new Field(field, kind, false, false, null, Set.of()));
  }

  public ProtoType required(String field, Kind kind) {
    return add(new Field(field, kind, false, true, null, Set.of()));
  }

  public ProtoType optionalMessage(String field, Supplier<ProtoType> type) {
    return add(new Field(field, Kind.MESSAGE, false, false, type, Set.of()));
  }

  public ProtoType requiredMessage(String field, Supplier<ProtoType> type) {
    return add(new Field(field, Kind.MESSAGE, false, true, type, Set.of()));
  }

  public ProtoType repeatedMessage(String field, Supplier<ProtoType> type) {
    return add(new Field(field, Kind.MESSAGE, true, false, type, Set.of()));
  }

  public ProtoType optionalEnum(String field, Set<String> values) {
    return add(new Field(field, Kind.ENUM, false, false, null, Set.copyOf(values)));
  }

  public ProtoType requiredEnum(String field, Set<String> values) {
    return add(new Field(field, Kind.ENUM, false, true, null, Set.copyOf(values)));
  }

  private ProtoType add(Field field) {
    fields.put(field.name(), field);
    return this;
  }

  public String name() {
    return name;
  }

  /** The field of this name, or {@code null} (unknown JSON keys are ignored). */
  public Field field(String fieldName) {
    return fields.get(fieldName);
  }

  /** Fields in declaration order. */
  public List<Field> fields() {
    return Collections.unmodifiableList(new ArrayList<>(fields.values()));
  }
}
