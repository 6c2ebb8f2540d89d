package io.zombielab.run;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;
import io.zombielab.scenario.CellView;
import org.testcontainers.containers.GenericContainer;

/** A running cell as its workload sees it: the container's output, and its ports where the engine maps them. */
final class ContainerCell implements CellView {

    private final GenericContainer<?> container;
    private final EventLog events;
    private final AppHealth health = new AppHealth();

    ContainerCell(GenericContainer<?> container, EventLog events) {
        this.container = container;
        this.events = events;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public boolean healthAnswers(int containerPort, Chain chain) {
        return health.answers(container.getHost(), container.getMappedPort(containerPort), chain.marker());
    }

    @Override
    public String mapped(int containerPort) {
        return container.getHost() + ":" + container.getMappedPort(containerPort);
    }
}
