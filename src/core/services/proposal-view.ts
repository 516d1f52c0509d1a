import { msg } from '../rules/messages';
import { NotFoundError } from '../errors';
import type { ProposalView } from '../rules/proposal-alert';
import type { ServiceContext } from './context';

/** For the platform senders: a major-incident proposal as its alert draws it, and where the alert is. */
export class ProposalViews {
  constructor(private readonly ctx: ServiceContext) {}

  async forProposal(id: number): Promise<ProposalView> {
    const [row] = await this.ctx.dataSource.query(
      `SELECT p.id, p.status, p.location, parent.number AS parent_number,
              coalesce((SELECT json_agg(json_build_object('number', t.number, 'title', t.title, 'customer', t.customer_id) ORDER BY t.number)
                        FROM ticket t WHERE t.major_proposal_id = p.id), '[]') AS reports
       FROM major_proposal p LEFT JOIN ticket parent ON parent.id = p.parent_id
       WHERE p.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError(msg('refusals.noProposal', { id }));
    const reports = (typeof row.reports === 'string' ? JSON.parse(row.reports) : row.reports) as Array<{
      number: number;
      title: string;
      customer: number;
    }>;
    return {
      id: Number(row.id),
      status: row.status,
      parentNumber: row.parent_number === null ? null : Number(row.parent_number),
      reports: reports.map((r) => ({ number: Number(r.number), title: r.title })),
      customers: new Set(reports.map((r) => r.customer)).size,
      declareAt: this.ctx.policy.major.declareAt,
      location: row.location ?? {},
    };
  }

  async saveLocation(id: number, patch: Record<string, string>): Promise<void> {
    await this.ctx.dataSource.query(`UPDATE major_proposal SET location = location || $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(patch),
    ]);
  }
}
