import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function NotFound() {
  return <NotFoundMessage back={{ href: '/roles', label: 'See all roles' }}>That role does not exist.</NotFoundMessage>;
}
