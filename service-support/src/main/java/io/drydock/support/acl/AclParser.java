package io.drydock.support.acl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Mesos's ACL JSON strictly: what Mesos would not accept is an {@link InvalidAclsException}. */
final class AclParser {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_VALUE_LENGTH = 1024;

  private AclParser() {}

  static AclDocument parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidAclsException("Failed to parse ACLs: empty document");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidAclsException("Failed to parse ACLs: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidAclsException("Failed to parse ACLs: expecting a JSON object");
    }
    boolean permissive = true;
    Map<AclAction, List<Acl>> acls = new EnumMap<>(AclAction.class);
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("permissive")) {
        if (!value.isBoolean()) {
          throw new InvalidAclsException("Failed to parse ACLs: 'permissive' must be true or false");
        }
        permissive = value.booleanValue();
        continue;
      }
      AclAction action = AclAction.fromJsonKey(key)
          .orElseThrow(() -> new InvalidAclsException("Failed to parse ACLs: unknown ACL action '" + key + "'"));
      if (value.isNull()) {
        continue;
      }
      if (!value.isArray()) {
        throw new InvalidAclsException("Failed to parse ACLs: '" + key + "' must be an array of ACLs");
      }
      List<Acl> list = new ArrayList<>();
      int index = 0;
      for (JsonNode entry : value) {
        list.addAll(parseAcl(action, entry, index++));
      }
      acls.put(action, list);
    }
    return new AclDocument(permissive, acls, JSON.writeValueAsString(root));
  }

  private static List<Acl> parseAcl(AclAction action, JsonNode entry, int index) {
    String where = "'" + action.jsonKey() + "'[" + index + "]";
    if (!entry.isObject()) {
      throw new InvalidAclsException("Failed to parse ACLs: " + where + " must be an object");
    }
    for (String name : entry.propertyNames()) {
      if (!name.equals("principals") && !name.equals(action.objectKey())) {
        throw new InvalidAclsException("Failed to parse ACLs: " + where + " has unknown field '" + name
            + "' (expecting 'principals' and '" + action.objectKey() + "')");
      }
    }
    AclEntity principals = entity(entry.get("principals"), where + ".principals");
    AclEntity objects = entity(entry.get(action.objectKey()), where + "." + action.objectKey());
    if (action.anyOrNoneOnly() && objects.type() == AclEntity.Type.SOME) {
      throw new InvalidAclsException(action.mesosName() + " type must be either NONE or ANY");
    }
    if (!action.hierarchicalRoles() || objects.type() != AclEntity.Type.SOME) {
      return List.of(Acl.of(principals, objects));
    }
    // Mesos splits hierarchical role ACLs: each "role/%" becomes its own recursive ACL, the plain values one ACL.
    List<Acl> split = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (String role : objects.values()) {
      if (role.endsWith("/%") && role.length() > 2) {
        split.add(new Acl(principals, AclEntity.ANY, role.substring(0, role.length() - 1)));
      } else {
        plain.add(role);
      }
    }
    if (!plain.isEmpty()) {
      split.add(Acl.of(principals, AclEntity.some(plain)));
    }
    return split;
  }

  private static AclEntity entity(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      throw new InvalidAclsException("Failed to parse ACLs: " + where + " is missing");
    }
    if (!node.isObject()) {
      throw new InvalidAclsException("Failed to parse ACLs: " + where + " must be an object");
    }
    for (String name : node.propertyNames()) {
      if (!Set.of("type", "values").contains(name)) {
        throw new InvalidAclsException("Failed to parse ACLs: " + where + " has unknown field '" + name + "'");
      }
    }
    AclEntity.Type type = AclEntity.Type.SOME;
    JsonNode typeNode = node.get("type");
    if (typeNode != null && !typeNode.isNull()) {
      if (!typeNode.isString()) {
        throw new InvalidAclsException("Failed to parse ACLs: " + where + ".type must be SOME, ANY or NONE");
      }
      try {
        type = AclEntity.Type.valueOf(typeNode.stringValue());
      } catch (IllegalArgumentException e) {
        throw new InvalidAclsException("Failed to parse ACLs: " + where + ".type must be SOME, ANY or NONE, not '"
            + typeNode.stringValue() + "'");
      }
    }
    List<String> values = new ArrayList<>();
    JsonNode valuesNode = node.get("values");
    if (valuesNode != null && !valuesNode.isNull()) {
      if (!valuesNode.isArray()) {
        throw new InvalidAclsException("Failed to parse ACLs: " + where + ".values must be an array of strings");
      }
      for (JsonNode value : valuesNode) {
        if (!value.isString() || value.stringValue().isEmpty() || value.stringValue().length() > MAX_VALUE_LENGTH) {
          throw new InvalidAclsException("Failed to parse ACLs: " + where
              + ".values must hold non-empty strings of at most " + MAX_VALUE_LENGTH + " characters");
        }
        values.add(value.stringValue());
      }
    }
    if (type == AclEntity.Type.SOME && values.isEmpty()) {
      throw new InvalidAclsException("Failed to parse ACLs: " + where
          + " must list at least one value, or have type ANY or NONE");
    }
    return new AclEntity(type, values);
  }
}
