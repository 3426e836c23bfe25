package dev.mailbench.reproduce;

/** A script line that cannot be run, named by file and line: {@code first.mbscript:4: …}. */
public final class ScriptSyntaxException extends Exception {

    public ScriptSyntaxException(String scriptName, int lineNumber, String problem) {
        super(scriptName + ":" + lineNumber + ": " + problem);
    }
}
