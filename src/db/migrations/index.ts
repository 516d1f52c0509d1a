import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Jobs1764000100000 } from './1764000100000-Jobs';
import { Leases1764000200000 } from './1764000200000-Leases';
import { Settings1764000300000 } from './1764000300000-Settings';
import { Sla1764000400000 } from './1764000400000-Sla';
import { LookAlike1764000500000 } from './1764000500000-LookAlike';
import { MajorIncidents1764000600000 } from './1764000600000-MajorIncidents';
import { Catalog1764000700000 } from './1764000700000-Catalog';
import { CommentPosts1764000800000 } from './1764000800000-CommentPosts';
import { LookAlikeTerms1764000900000 } from './1764000900000-LookAlikeTerms';
import { Security1764001500000 } from './1764001500000-Security';
import { DeliveryFirstClaim1764001800000 } from './1764001800000-DeliveryFirstClaim';
import { Privacy1764001900000 } from './1764001900000-Privacy';
import { PersonLanguage1764001950000 } from './1764001950000-PersonLanguage';
import { Dashboard1764002100000 } from './1764002100000-Dashboard';
import { WaysIn1764002200000 } from './1764002200000-WaysIn';
import { DmQuestions1764002300000 } from './1764002300000-DmQuestions';
import { QueueOrder1764002400000 } from './1764002400000-QueueOrder';

/** Every migration, in order. Listed by hand so a build or a test never depends on a file glob. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Jobs1764000100000,
  Leases1764000200000,
  Settings1764000300000,
  Sla1764000400000,
  LookAlike1764000500000,
  MajorIncidents1764000600000,
  Catalog1764000700000,
  CommentPosts1764000800000,
  LookAlikeTerms1764000900000,
  Security1764001500000,
  DeliveryFirstClaim1764001800000,
  Privacy1764001900000,
  PersonLanguage1764001950000,
  Dashboard1764002100000,
  WaysIn1764002200000,
  DmQuestions1764002300000,
  QueueOrder1764002400000,
];
