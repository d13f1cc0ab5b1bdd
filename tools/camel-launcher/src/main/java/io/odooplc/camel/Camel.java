package io.odooplc.camel;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/** The {@code camel} command of Camel JBang, for machines where the jbang launcher cannot be installed. */
public final class Camel {

    private Camel() {
    }

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
