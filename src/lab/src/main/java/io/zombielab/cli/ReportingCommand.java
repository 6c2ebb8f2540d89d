package io.zombielab.cli;

import picocli.CommandLine.Mixin;

/** A lab command whose result is printed as the table, one summary line ({@code --quiet}) or JSON ({@code --json}). */
abstract class ReportingCommand extends LabCommand {

    @Mixin
    Options.OutputMixin output;

    @Override
    boolean quiet() {
        return output.output() == Options.Output.QUIET;
    }
}
