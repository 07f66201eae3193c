// The bash-deploy scenarios: what the script is run with, which failure the fakes inject, and
// what a correct script must do. Verdicts live in judge-scenario.ts.
export const TARGET_IMAGE = 'registry.example.com/shop/myapp:2.4.1';
export const INITIAL_IMAGES = ['registry.example.com/shop/myapp:2.4.0'];

export type Injection = 'pull_fail' | 'pull_noop' | 'stop_fail' | 'start_fail';

export type ScenarioKind = 'success' | 'pull-fails' | 'image-missing' | 'stop-fails' | 'start-fails' | 'no-argument' | 'clear-logs';

export type Scenario = {
  id: string;
  name: string;
  kind: ScenarioKind;
  args: string[];
  inject: Injection[];
};

export const SCENARIOS: Scenario[] = [
  { id: 'success', kind: 'success', name: 'deploys the image when everything works', args: [TARGET_IMAGE], inject: [] },
  { id: 'pull-fails', kind: 'pull-fails', name: 'stops before touching myapp when the pull fails', args: [TARGET_IMAGE], inject: ['pull_fail'] },
  {
    id: 'image-missing',
    kind: 'image-missing',
    name: 'verifies the image is present after the pull',
    args: [TARGET_IMAGE],
    inject: ['pull_noop'],
  },
  { id: 'stop-fails', kind: 'stop-fails', name: 'exits non-zero when myapp cannot be stopped', args: [TARGET_IMAGE], inject: ['stop_fail'] },
  { id: 'start-fails', kind: 'start-fails', name: 'exits non-zero when myapp fails to start', args: [TARGET_IMAGE], inject: ['start_fail'] },
  { id: 'no-argument', kind: 'no-argument', name: 'prints usage and exits non-zero without an image argument', args: [], inject: [] },
  { id: 'clear-logs', kind: 'clear-logs', name: 'prints clear logs', args: [TARGET_IMAGE], inject: [] },
];
