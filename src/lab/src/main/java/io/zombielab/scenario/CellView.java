package io.zombielab.scenario;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;

/** What a workload may ask of its running cell to tell whether a cycle is up. */
public interface CellView {

    /** What the fixtures printed so far. */
    EventLog events();

    /** Whether GET /api/health on {@code containerPort}, mapped where the engine is, answers for {@code chain}. */
    boolean healthAnswers(int containerPort, Chain chain);

    /** "localhost:32768": where a container port is mapped, for messages. */
    String mapped(int containerPort);
}
