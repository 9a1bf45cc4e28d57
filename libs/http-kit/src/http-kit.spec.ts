import { Body, Controller, Module, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Max, Min, ValidateNested, IsArray } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { DomainError } from '@tenderledger/domain-kit';
import { ConcurrencyError } from '@tenderledger/event-store';
import { createValidationPipe } from './validation';
import { ErrorFilter } from './error.filter';

class CriterionDto {
  @IsString() name!: string;
  @IsInt() @Min(0) @Max(100) weight!: number;
}
class ProbeDto {
  @IsString() title!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CriterionDto) criteria!: CriterionDto[];
}

@Controller('probe')
class ProbeController {
  @Post('validate') validate(@Body() body: ProbeDto) {
    return { ok: true, title: body.title };
  }
  @Post('refuse-rule') rule() {
    throw new DomainError('TENDER_WEIGHTS_NOT_100', 'The award criteria weights add up to 90, not 100.');
  }
  @Post('refuse-state') state() {
    throw new DomainError('BID_DEADLINE_PASSED', 'The submission deadline has passed.', 'conflict');
  }
  @Post('race') race() {
    throw new ConcurrencyError('tender-1', 3, 4);
  }
  @Post('crash') crash() {
    throw new Error('boom');
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP edge: validation and refusals', () => {
  let app: INestApplication;
  const refusals: string[] = [];
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ErrorFilter({ onRefusal: (code) => refusals.push(code) }));
    await app.init();
  });
  afterAll(() => app.close());

  it('answers bad input with 400 naming the field, also nested', async () => {
    const res = await request(app.getHttpServer()).post('/probe/validate').send({ title: 7, criteria: [{ name: 'Quality', weight: 130 }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['criteria.0.weight', 'title']);
    expect(res.body.message).toMatch(/criteria\.0\.weight: weight must not be greater than 100/);
  });

  it('refuses unknown fields rather than dropping them', async () => {
    const res = await request(app.getHttpServer()).post('/probe/validate').send({ title: 'x', criteria: [], titel: 'typo' });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('titel');
  });

  it('accepts good input', async () => {
    const res = await request(app.getHttpServer()).post('/probe/validate').send({ title: 'x', criteria: [{ name: 'Value', weight: 40 }] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, title: 'x' });
  });

  it('maps a rule refusal to 422 and a state refusal to 409, with the stable code and sentence', async () => {
    const rule = await request(app.getHttpServer()).post('/probe/refuse-rule');
    expect(rule.status).toBe(422);
    expect(rule.body).toEqual({ statusCode: 422, code: 'TENDER_WEIGHTS_NOT_100', message: 'The award criteria weights add up to 90, not 100.' });
    const state = await request(app.getHttpServer()).post('/probe/refuse-state');
    expect(state.status).toBe(409);
    expect(state.body.code).toBe('BID_DEADLINE_PASSED');
    const race = await request(app.getHttpServer()).post('/probe/race');
    expect(race.status).toBe(409);
    expect(race.body.code).toBe('CONCURRENCY_CONFLICT');
    expect(refusals).toEqual(expect.arrayContaining(['TENDER_WEIGHTS_NOT_100', 'BID_DEADLINE_PASSED', 'CONCURRENCY_CONFLICT']));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await request(app.getHttpServer()).post('/probe/validate').set('Content-Type', 'application/json').send('{"title": ');
    expect(res.status).toBe(400);
  });

  it('hides the details of an unexpected error behind a 500 with a stable code', async () => {
    const res = await request(app.getHttpServer()).post('/probe/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/boom/);
  });
});
