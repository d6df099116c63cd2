/**
 * Mesos ACLs, evaluated locally in every service from the latest snapshot published by auth-service:
 * {@link io.drydock.support.acl.AclAction} names every action, {@link io.drydock.support.acl.Authorizer}
 * decides.
 */
package io.drydock.support.acl;
