import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';

// Shapes and types are checked here (400 naming the field); whether the content answers the
// tender (lots, criteria, prices > 0) is the domain validator's job (422 BID_CONTENT_INVALID).
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const ID_MESSAGE = 'must be 1–100 letters, digits, dots, dashes, colons or underscores';

export class LotOfferDto {
  @ApiProperty({ example: 'lot-core' })
  @Matches(ID_PATTERN, { message: `lotId ${ID_MESSAGE}` })
  lotId!: string;

  @ApiProperty({ example: 812_000_000, description: 'Annual price in whole pence.' })
  @IsInt()
  price!: number;

  @ApiPropertyOptional({ example: 1, description: 'Preference among the lots bid for (1 = most wanted).' })
  @IsOptional()
  @IsInt()
  preference?: number;
}

export class QualityResponseDto {
  @ApiProperty({ example: 'quality-and-innovation' })
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @ApiProperty({ example: 'A same-day clinician triage hub across the four localities.' })
  @IsString()
  @Length(0, 20_000)
  response!: string;
}

export class BidContentDto {
  @ApiProperty({ type: [LotOfferDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LotOfferDto)
  lots!: LotOfferDto[];

  @ApiProperty({ type: [QualityResponseDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QualityResponseDto)
  qualityResponses!: QualityResponseDto[];

  @ApiProperty({ type: [String], example: ['Two local apprenticeships a year'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  socialValueCommitments!: string[];
}

export class BidderDto {
  @ApiProperty({ enum: ['organisation', 'consortium'], example: 'consortium', description: "The caller's organisation bids alone, or leads a consortium." })
  @IsIn(['organisation', 'consortium'])
  kind!: 'organisation' | 'consortium';

  @ApiPropertyOptional({ example: 'Valley GP Federation consortium', description: 'Consortia only.' })
  @ValidateIf((o: BidderDto) => o.kind === 'consortium')
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['org-riverside', 'org-hilltop'], description: 'Consortia only: the members besides the lead (the caller).' })
  @ValidateIf((o: BidderDto) => o.kind === 'consortium')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true, message: `each member ${ID_MESSAGE}` })
  memberOrganisationIds?: string[];
}

export class SubmitBidDto {
  @ApiPropertyOptional({ example: 'bid-valley-2026-001', description: 'Chosen by the caller, or minted by the platform.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `bidId ${ID_MESSAGE}` })
  bidId?: string;

  @ApiProperty({ example: 'tender-2026-001' })
  @Matches(ID_PATTERN, { message: `tenderId ${ID_MESSAGE}` })
  tenderId!: string;

  @ApiProperty({ type: BidderDto })
  @ValidateNested()
  @Type(() => BidderDto)
  bidder!: BidderDto;

  @ApiProperty({ type: BidContentDto, description: 'Sealed on arrival; nobody (the commissioner included) reads it before opening.' })
  @ValidateNested()
  @Type(() => BidContentDto)
  content!: BidContentDto;
}

export class ResubmitBidDto {
  @ApiProperty({ type: BidContentDto, description: 'Replaces the previous content entirely.' })
  @ValidateNested()
  @Type(() => BidContentDto)
  content!: BidContentDto;
}

export class WithdrawBidDto {
  @ApiPropertyOptional({ example: 'The partnership could not agree staffing in time.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ListBidsQuery {
  @ApiPropertyOptional({ example: 'tender-2026-001' })
  @IsOptional()
  @Matches(ID_PATTERN)
  tenderId?: string;
}
