// The one place the question page reads its state from: the badge, the line beside it, the
// versions table and the validation panel all say the same thing. Unpublishing hides the question
// but keeps its versions' publishedAt (publishing again needs no new validation), so "a version
// was published" is not "candidates practise it": only a published question's newest published
// version is practised.
import type { BadgeTone } from '@/components/ui/badge';

export type QuestionStatus = {
  badge: { tone: BadgeTone; text: string };
  line: string;
  // The version candidates practise now; null while the question is hidden or never published.
  practisedVersion: number | null;
  // The newest version ever published, shown or not.
  lastPublishedVersion: number | null;
};

export function questionStatus({ published, lastPublishedVersion }: { published: boolean; lastPublishedVersion: number | null }): QuestionStatus {
  if (lastPublishedVersion === null) {
    return { badge: { tone: 'amber', text: 'Draft' }, line: 'No published version yet.', practisedVersion: null, lastPublishedVersion };
  }
  if (published) {
    return { badge: { tone: 'green', text: 'Published' }, line: `Candidates practise version ${lastPublishedVersion}.`, practisedVersion: lastPublishedVersion, lastPublishedVersion };
  }
  return {
    badge: { tone: 'amber', text: 'Unpublished' },
    line: `Hidden from candidates; version ${lastPublishedVersion} was the last one they practised.`,
    practisedVersion: null,
    lastPublishedVersion,
  };
}

// A version's state in the versions table.
export function versionState(status: QuestionStatus, version: { version: number; publishedAt: Date | null }): { tone: BadgeTone; text: string } {
  if (version.version === status.practisedVersion) return { tone: 'green', text: 'Practised now' };
  if (version.version === status.lastPublishedVersion) return { tone: 'slate', text: 'Last published, hidden' };
  return version.publishedAt ? { tone: 'slate', text: 'Earlier' } : { tone: 'amber', text: 'Draft' };
}
