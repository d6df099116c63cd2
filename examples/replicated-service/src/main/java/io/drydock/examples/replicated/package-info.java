/** The example framework: N replicas of a long-running service, kept alive through maintenance. */
package io.drydock.examples.replicated;
