package io.zombielab.cli;

import picocli.CommandLine.Mixin;

/**
 * A lab command whose result is printed as the table, one summary line ({@code --quiet}) or JSON ({@code --json}),
 * and also written as JUnit XML with {@code --junit FILE}.
 */
abstract class ReportingCommand extends LabCommand {

    @Mixin
    Options.OutputMixin output;

    @Mixin
    Options.JunitMixin junit;

    @Mixin
    Options.SecretsMixin secrets;

    @Override
    boolean showSecrets() {
        return secrets.show;
    }

    @Override
    void checkOutputs() {
        junit.check();
    }

    @Override
    boolean quiet() {
        return output.output() == Options.Output.QUIET;
    }
}
