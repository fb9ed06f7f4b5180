// Demo case-handling set-up: the demo agent works every front-line queue, the demo expert sits in
// the expert seat, both round the clock so the demo assigns work at any hour; the demo merchant
// gets a shop; a few canned replies to start from.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agentProfiles, macros, shops, teamMembers, teams, users } from '../schema.js';

export const DEMO_SHOP = '演示旗舰店';

const DEMO_MACROS = [
  {
    title: '受理确认',
    body: '您好{{complainant}}，您的投诉（编号 {{number}}）已受理，我们将尽快核实处理，预计 {{estimate}} 前给您答复。',
  },
  {
    title: '请补充材料',
    body: '您好{{complainant}}，为尽快处理投诉 {{number}}，请在投诉页面补充相关凭证（如交易截图、聊天记录）。感谢配合！',
  },
  {
    title: '处理结果告知',
    body: '您好{{complainant}}，投诉 {{number}}（{{type}}）已处理完毕，处理意见见投诉详情。如有异议，可在 7 天内申诉。客服{{agent}}',
  },
];

export async function seedCaseDemo(db: Db, opts: { merchantId: string }): Promise<void> {
  const staff = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.email, ['agent@demo.redress.local', 'expert@demo.redress.local']));
  const allTeams = await db.select({ id: teams.id, isExpertSeat: teams.isExpertSeat }).from(teams);
  for (const person of staff) {
    const mine = allTeams.filter((t) => t.isExpertSeat === (person.role === 'expert'));
    if (mine.length > 0) {
      await db
        .insert(teamMembers)
        .values(mine.map((t) => ({ teamId: t.id, userId: person.id })))
        .onConflictDoNothing();
    }
    await db
      .insert(agentProfiles)
      .values({ userId: person.id, capacity: 20, languages: ['zh', 'en'], alwaysOn: true })
      .onConflictDoNothing();
  }
  const [shop] = await db.select().from(shops).where(eq(shops.name, DEMO_SHOP));
  if (!shop) await db.insert(shops).values({ merchantId: opts.merchantId, name: DEMO_SHOP });
  await db.insert(macros).values(DEMO_MACROS).onConflictDoNothing();
}
