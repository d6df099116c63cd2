package io.drydock.maintenance.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A message parsed from (or to be rendered as) JSON under a {@link ProtoType}: scalar fields hold
 * {@code String} or {@code Long}, message fields hold {@code ProtoMessage}, repeated fields hold lists.
 */
public final class ProtoMessage {

  private final ProtoType type;
  private final Map<String, Object> values = new HashMap<>();

  public ProtoMessage(ProtoType type) {
    this.type = type;
  }

  public ProtoType type() {
    return type;
  }

  public boolean has(String field) {
    Object value = values.get(field);
    return value != null && !(value instanceof List<?> list && list.isEmpty());
  }

  public ProtoMessage set(String field, Object value) {
    requireField(field);
    if (value != null) {
      values.put(field, value);
    }
    return this;
  }

  public ProtoMessage add(String field, Object value) {
    requireField(field);
    list(field).add(value);
    return this;
  }

  public String string(String field) {
    return (String) values.get(field);
  }

  public Long int64(String field) {
    return (Long) values.get(field);
  }

  public ProtoMessage message(String field) {
    return (ProtoMessage) values.get(field);
  }

  /** A repeated message field; empty when unset. */
  public List<ProtoMessage> messages(String field) {
    Object value = values.get(field);
    if (value == null) {
      return List.of();
    }
    List<ProtoMessage> result = new ArrayList<>();
    for (Object element : (List<?>) value) {
      result.add((ProtoMessage) element);
    }
    return result;
  }

  Object raw(String field) {
    return values.get(field);
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String field) {
    return (List<Object>) values.computeIfAbsent(field, f -> new ArrayList<>());
  }

  private void requireField(String field) {
    if (type.field(field) == null) {
      throw new IllegalArgumentException(type.name() + " has no field " + field);
    }
  }
}
