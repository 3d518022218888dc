package com.loanflow.processes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for one of the platform's delegate beans: sets the variables the real delegate would set
 * and remembers how often it ran and which variables it saw on its last call.
 */
public class StubDelegate implements JavaDelegate {

  private final Map<String, Object> variablesToSet = new LinkedHashMap<>();
  private Consumer<DelegateExecution> behaviour = execution -> { };
  private Map<String, Object> variablesSeen = Map.of();
  private int calls;

  public StubDelegate setting(String name, Object value) {
    variablesToSet.put(name, value);
    return this;
  }

  public StubDelegate doing(Consumer<DelegateExecution> behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  @Override
  public void execute(DelegateExecution execution) {
    calls++;
    variablesToSet.forEach(execution::setVariable);
    behaviour.accept(execution);
    variablesSeen = new HashMap<>(execution.getVariables());
  }

  public int calls() {
    return calls;
  }

  /** The process variables after the delegate ran (what it read plus what it set). */
  public Map<String, Object> variablesSeen() {
    return variablesSeen;
  }
}
