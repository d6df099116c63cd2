/**
 * Master high availability: leader election through a PostgreSQL advisory lock, the epoch (fencing token)
 * every durable write of the leader is checked against, the leader-only lifecycle, and the 307/503 answers
 * of followers.
 */
package io.drydock.master.leader;
