// Whether Perl (PERL_PATH) can run on this host: the jail launcher, the Bash harnesses' fakes,
// starters and supervisors, and the warm ShellCheck jail's starter all need it. One check for all
// of them, not cached: installing perl-base while the app runs takes effect at the next grading.
import { accessSync, constants } from 'node:fs';
import { PERL_PATH } from './sandbox-driver';

export function hasPerl(): boolean {
  try {
    accessSync(PERL_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
