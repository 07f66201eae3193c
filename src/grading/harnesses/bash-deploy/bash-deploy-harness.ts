// bash-deploy: the answer is a deploy script run with fake docker and systemctl against a model
// of the host, once per scenario. It is a Bash world kit question (docs/decisions/020): its
// world, scenarios and checks are data (../bash-kit/questions/bash-deploy.json), and the kit's
// harness runs each scenario in a jail of its own, all at once and in a random order, and reads
// the verdict from the exit status the outer bwrap saw, the calls the grader itself answered and
// its model of the host, none of which the script can reach.
import { BashKitSpecSchema } from '../bash-kit/bash-kit-spec';
import { createBashKitHarness } from '../bash-kit/create-bash-kit-harness';
import spec from '../bash-kit/questions/bash-deploy.json';

// A broken spec is our bug: it fails when the grader loads, not when a candidate is graded.
export const BASH_DEPLOY_SPEC = BashKitSpecSchema.parse(spec);

export const bashDeployHarness = createBashKitHarness(BASH_DEPLOY_SPEC);
