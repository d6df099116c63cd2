/** The Mesos ACL document: revisions, the operator API, publication on drydock.acls. */
package io.drydock.auth.acl;
