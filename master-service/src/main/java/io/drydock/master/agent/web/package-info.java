/** The agent protocol's master endpoints ({@code /agent/v1/*}). */
package io.drydock.master.agent.web;
