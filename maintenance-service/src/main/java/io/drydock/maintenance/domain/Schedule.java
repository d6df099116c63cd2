package io.drydock.maintenance.domain;

import java.util.List;

/** The maintenance schedule: at most one per cluster, replaced wholesale by every schedule POST. */
public record Schedule(List<Window> windows) {

  private static final Schedule EMPTY = new Schedule(List.of());

  public Schedule {
    windows = List.copyOf(windows);
  }

  /** No maintenance planned; renders as {@code {}}. */
  public static Schedule empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return windows.isEmpty();
  }
}
