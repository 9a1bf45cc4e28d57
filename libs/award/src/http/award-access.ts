import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { Identity } from '@tenderledger/auth';
import { CLOCK, notFound, PROJECTION_RUNNER, type Clock, type CommandContext } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { AwardBook, type AwardEntry } from '../application/award-book';
import { DirectAwardBook } from '../application/direct-award-book';
import { notYourTender } from '../application/decide-award-from-evaluation.handler';
import type { DirectAward } from '../domain/direct/state';

const notYourDecision = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'DIRECT_AWARD_NOT_YOURS', message: 'A commissioner manages only the direct awards it decided.' });

/** The controllers' shared steps: find an award, check who may act on it, send, wait for the read models. */
@Injectable()
export class AwardAccess {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(AwardBook) readonly awards: AwardBook,
    @Inject(DirectAwardBook) readonly directAwards: DirectAwardBook,
  ) {}

  award(tenderId: string): AwardEntry {
    return this.awards.get(tenderId) ?? notFound('AWARD_NOT_DECIDED', `No award has been decided for tender ${tenderId} yet.`, { tenderId });
  }

  /** A commissioner acts only on its own tenders' awards; an admin on the commissioner's behalf. */
  ownedAward(tenderId: string, actor: Identity): AwardEntry {
    const entry = this.award(tenderId);
    if (actor.role === 'commissioner' && actor.organisationId !== entry.award.commissionerId) throw notYourTender();
    return entry;
  }

  directAward(decisionId: string): DirectAward {
    return this.directAwards.get(decisionId) ?? notFound('DIRECT_AWARD_NOT_FOUND', `There is no direct award ${decisionId}.`, { decisionId });
  }

  ownedDirectAward(decisionId: string, actor: Identity): DirectAward {
    const award = this.directAward(decisionId);
    if (actor.role === 'commissioner' && actor.organisationId !== award.commissionerId) throw notYourDecision();
    return award;
  }

  /** Sends with the clock's `now` and returns once the read models show the result (read-your-writes). */
  async send(request: CommandRequest, message: (context: CommandContext, now: string) => Command<{ readonly lastPosition: number | null }>): Promise<void> {
    const context = commandContext(request, this.clock);
    const result = await this.commands.execute(message(context, context.now.toISOString()));
    await this.readModels.waitFor(result.lastPosition);
  }
}
