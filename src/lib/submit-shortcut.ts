// The keys that submit an answer, as the hint names them. The answer form submits on Enter with
// Ctrl or Meta held, on every system (practice-panel.tsx's onKeyDown; inside the code editor,
// CodeMirror's Mod-Enter is Cmd on Apple systems and Ctrl elsewhere, and the other one reaches the
// form). Apple keyboards call Meta Cmd, so the hint says Cmd there and Ctrl everywhere else.
// Client-safe.
export type SubmitShortcut = 'Cmd+Enter' | 'Ctrl+Enter';

type NavigatorLike = { platform?: string; userAgent?: string; userAgentData?: { platform?: string } };

// An iPad asking for desktop sites says "MacIntel"; Chromium on macOS says "macOS" in userAgentData.
const APPLE = /mac|iphone|ipad|ipod/i;

export function submitShortcutFor(nav: NavigatorLike | undefined): SubmitShortcut {
  if (!nav) return 'Ctrl+Enter';
  const names = [nav.userAgentData?.platform, nav.platform, nav.userAgent];
  return names.some((name) => name && APPLE.test(name)) ? 'Cmd+Enter' : 'Ctrl+Enter';
}
