import type { Person, Role } from '../model';

/** Admin wins over a tier: an admin with a tier may do everything, and also takes tickets. */
export function roleOf(person: Pick<Person, 'tier' | 'isAdmin'>): Role {
  if (person.isAdmin) return 'admin';
  if (person.tier !== null) return 'supporter';
  return 'customer';
}

export function isStaff(person: Pick<Person, 'tier' | 'isAdmin'>): boolean {
  return roleOf(person) !== 'customer';
}
