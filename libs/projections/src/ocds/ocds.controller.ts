import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OCDS_CONFIG, type OcdsConfig } from './ocds-config';
import { recordPackage, releasePackage, type RecordPackage, type ReleasePackage } from './ocds-packages';
import { OcdsReleases } from './ocds-releases';
import { directAwardProcessId } from './direct-award-release';

const notFound = (message: string): NotFoundException => new NotFoundException({ statusCode: 404, code: 'OCDS_NOT_FOUND', message });

/**
 * OCDS is public data: no @Roles, so any authenticated identity may read. What is public is decided
 * in the projection (no sealed or unopened bid data; bidders named only after the award).
 */
@ApiTags('ocds')
@ApiBearerAuth()
@Controller('api/ocds')
export class OcdsController {
  constructor(
    @Inject(OcdsReleases) private readonly ocds: OcdsReleases,
    @Inject(OCDS_CONFIG) private readonly config: OcdsConfig,
  ) {}

  @Get('releases')
  @ApiOperation({
    summary:
      'OCDS 1.1 release package of one contracting process (lots and bids extensions): a tender (tender, amendment, update, cancellation, award and contract releases) or a PSR direct award (award, awardUpdate on cancellation, contract).',
  })
  @ApiQuery({ name: 'tenderId', required: false })
  @ApiQuery({ name: 'directAwardId', required: false, description: 'A direct award or most-suitable-provider decision id, instead of tenderId.' })
  @ApiOkResponse({ description: 'A release package valid against the OCDS 1.1.5 schema patched by the lots and bids extensions.' })
  async releases(@Query('tenderId') tenderId: string | undefined, @Query('directAwardId') directAwardId: string | undefined): Promise<ReleasePackage> {
    const processId = directAwardId ? directAwardProcessId(directAwardId) : tenderId;
    if (!processId) throw notFound('Name a tender or a direct award: ?tenderId=… or ?directAwardId=…');
    const releases = await this.ocds.releasesOf(processId);
    if (releases.length === 0) throw notFound(`${directAwardId ? `Direct award ${directAwardId}` : `Tender ${tenderId}`} has no published OCDS release.`);
    return releasePackage(this.config, processId, releases);
  }

  @Get('records/:ocid')
  @ApiOperation({ summary: 'OCDS 1.1 record package of one contracting process: its releases embedded and the compiled release.' })
  @ApiOkResponse({ description: 'A record package valid against the OCDS 1.1.5 schema patched by the lots and bids extensions.' })
  async record(@Param('ocid') ocid: string): Promise<RecordPackage> {
    const tenderId = this.ocds.tenderIdOf(ocid);
    const releases = tenderId === null ? [] : await this.ocds.releasesOf(tenderId);
    if (tenderId === null || releases.length === 0) throw notFound(`There is no OCDS record ${ocid}.`);
    return recordPackage(this.config, tenderId, ocid, releases);
  }
}
