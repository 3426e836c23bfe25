package dev.mailbench.app.cli;

import dev.mailbench.app.build.BuildInfo;
import picocli.CommandLine;

/** {@code --version} of every mailbench command. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Mailbench " + BuildInfo.mailbenchVersion(), "Java " + BuildInfo.javaVersion()};
    }
}
