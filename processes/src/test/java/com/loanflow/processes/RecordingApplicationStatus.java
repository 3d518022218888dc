package com.loanflow.processes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the platform's {@code applicationStatus} bean and remembers every status in order. */
public class RecordingApplicationStatus {

  private final List<String> statuses = new ArrayList<>();

  public void change(DelegateExecution execution, String status) {
    statuses.add(status);
  }

  public List<String> statuses() {
    return List.copyOf(statuses);
  }
}
