import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACK, runSteps, SKIP, type StepContext, type StepResult } from '../../../client/src/networks/stepRunner';

interface Answers {
  name: string;
  subnet: string;
  gateway: string;
  labels: string;
}

/**
 * A scripted user: each step takes the next scripted reply; the log records which step was
 * asked as what "step/total".
 */
function scripted(replies: Array<StepResult<string>>, skipGatewayWhen: (a: Partial<Answers>) => boolean = () => false) {
  const log: string[] = [];
  const ask = (key: keyof Answers) => async (answers: Partial<Answers>, ctx: StepContext): Promise<StepResult<string>> => {
    if (key === 'gateway' && skipGatewayWhen(answers)) return SKIP;
    log.push(`${key} ${ctx.step}/${ctx.totalSteps}`);
    return replies.shift();
  };
  const steps: Array<[keyof Answers, ReturnType<typeof ask>]> = (['name', 'subnet', 'gateway', 'labels'] as const).map((k) => [k, ask(k)]);
  return { log, run: () => runSteps<Answers>('Create', steps) };
}

/** #20: the Create wizard's step counter and Back button. */
describe('multi-step input', () => {
  it('asks each step once, counting them', async () => {
    const s = scripted(['a', '10.0.0.0/24', '10.0.0.1', '']);
    assert.deepEqual(await s.run(), { name: 'a', subnet: '10.0.0.0/24', gateway: '10.0.0.1', labels: '' });
    assert.deepEqual(s.log, ['name 1/4', 'subnet 2/4', 'gateway 3/4', 'labels 4/4']);
  });

  it('Back returns to the step before, which is asked again; its new answer counts', async () => {
    const s = scripted(['a', '10.0.0.0/24', BACK, '10.9.0.0/24', '10.9.0.1', '']);
    assert.deepEqual(await s.run(), { name: 'a', subnet: '10.9.0.0/24', gateway: '10.9.0.1', labels: '' });
    assert.deepEqual(s.log, ['name 1/4', 'subnet 2/4', 'gateway 3/4', 'subnet 2/4', 'gateway 3/4', 'labels 4/4']);
  });

  it('a skipped step does not count, and Back jumps over it', async () => {
    const s = scripted(['a', '', BACK, '', ''], (a) => a.subnet === '');
    assert.deepEqual(await s.run(), { name: 'a', subnet: '', labels: '' });
    assert.deepEqual(s.log, ['name 1/4', 'subnet 2/4', 'labels 3/3', 'subnet 2/4', 'labels 3/3']);
  });

  it('Back on the first step stays there; cancelling anywhere gives nothing', async () => {
    const s = scripted([BACK, 'a', undefined]);
    assert.equal(await s.run(), undefined);
    assert.deepEqual(s.log, ['name 1/4', 'name 1/4', 'subnet 2/4']);
  });
});
