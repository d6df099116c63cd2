/** HTTP endpoints of the cluster read views and the audit relay. */
package io.drydock.master.state.web;
