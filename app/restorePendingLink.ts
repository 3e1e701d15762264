// Evaluated before anything reads the address: see pendingLink.ts.
import { restorePendingLink } from './pendingLink';

restorePendingLink();
