package io.github.exchangecompliance.rules;

import io.github.exchangecompliance.api.Reporter;
import io.github.exchangecompliance.api.Rule;
import io.github.exchangecompliance.model.Server;

/** A rule about one Exchange server as a whole: what it lacks, or what its version allows. */
public interface ServerRule extends Rule {

    void check(Server server, Inspection inspection, Reporter out);
}
