import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Identity } from '@tenderledger/auth';
import { CLOCK, conflict, notFound, PROJECTION_RUNNER, type Clock, type CommandResult } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { asOrganisationId, asTenderId, type Evaluation, type EvaluationCommand, type EvaluationEvent, type EvaluationState, type OrganisationId } from '../domain';
import { EvaluationFactsLoader } from '../application/evaluation-facts.loader';
import { EvaluationResults } from '../application/evaluation-results';
import type { EvaluationSettings } from '../application/evaluation-settings';
import { DecideEvaluation, OpenTenderEvaluation } from '../application/messages';

const forbidden = (code: string, message: string): ForbiddenException => new ForbiddenException({ statusCode: 403, code, message });

export const notYourEvaluation = (): ForbiddenException =>
  forbidden('EVALUATION_NOT_YOURS', 'Only the commissioner running this tender opens, staffs, moderates and completes its evaluation.');

/** The controllers' shared steps: who may act or read, decide with the clock, wait for the read model. */
@Injectable()
export class EvaluationAccess {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(EvaluationResults) private readonly results: EvaluationResults,
    @Inject(EvaluationFactsLoader) private readonly facts: EvaluationFactsLoader,
  ) {}

  /**
   * The tender's commissioner (from the evaluation, or the tender before it is opened) must be the
   * actor's organisation: 403 EVALUATION_NOT_YOURS otherwise. Returns the id the decider should hear.
   */
  async commissioner(tenderId: string, actor: Identity): Promise<OrganisationId> {
    const owner = this.results.get(tenderId)?.commissionerId ?? (await this.facts.tender(tenderId)).commissionerId;
    if (owner !== actor.organisationId) throw notYourEvaluation();
    return asOrganisationId(owner);
  }

  /** The evaluation for a reader: 404 before it is opened; 403 for another commissioner or an evaluator off the panel. */
  readable(tenderId: string, actor: Identity): Evaluation {
    const evaluation = this.results.get(tenderId) ?? notFound('EVALUATION_NOT_FOUND', `The evaluation of tender ${tenderId} has not been opened.`, { tenderId });
    if (actor.role === 'commissioner' && evaluation.commissionerId !== actor.organisationId) throw notYourEvaluation();
    if (actor.role === 'evaluator' && !evaluation.panel.some((member) => member.evaluatorId === actor.userId))
      throw forbidden('EVALUATION_NOT_VISIBLE', `You are not on the evaluation panel of tender ${tenderId}.`);
    return evaluation;
  }

  /** Readable and completed, or 409 EVALUATION_NOT_COMPLETED. */
  completed(tenderId: string, actor: Identity): Evaluation {
    const evaluation = this.readable(tenderId, actor);
    if (evaluation.status !== 'completed') conflict('EVALUATION_NOT_COMPLETED', `The evaluation of tender ${tenderId} is not completed yet; there is no ranking to show.`, { tenderId });
    return evaluation;
  }

  /** Decides with the clock's `now`; returns once the read model shows the result (read-your-writes). */
  async decide(request: CommandRequest, build: (now: string) => EvaluationCommand): Promise<Evaluation> {
    const context = commandContext(request, this.clock);
    return this.settled(await this.commands.execute(new DecideEvaluation(build(context.now.toISOString()), context)));
  }

  async open(request: CommandRequest, tenderId: string, commissionerId: OrganisationId, settings: EvaluationSettings): Promise<Evaluation> {
    const context = commandContext(request, this.clock);
    return this.settled(await this.commands.execute(new OpenTenderEvaluation(asTenderId(tenderId), commissionerId, settings, context)));
  }

  private async settled(result: CommandResult<EvaluationState, EvaluationEvent>): Promise<Evaluation> {
    await this.readModels.waitFor(result.lastPosition);
    // The command's own fold: the same as the read model's, and present even when nothing changed.
    if (result.state.status === 'none') throw new Error('an evaluation command succeeded without an evaluation');
    return result.state;
  }
}
