import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@samad/service-kit';
import { articleDto } from './article.view';
import { ArticleListDto, SearchArticlesQueryDto, SuggestArticlesQueryDto } from './knowledge.dto';
import { searchArticles } from './knowledge.store';

const LIMIT = 20;
// Operators answer callers only from published articles; writers also see their drafts.
const publishedOnly = (principal: Principal): boolean =>
  principal.role !== 'admin' && principal.role !== 'agency_editor';

@ApiTags('knowledge')
@Roles('operator', 'supervisor', 'admin', 'agency_editor')
@Controller('api/knowledge')
export class SearchArticlesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('articles')
  @ApiOperation({
    summary: 'Search articles as the operator types (every word, each as a prefix), best match first',
    description:
      'PostgreSQL full-text search over text folded for Persian (ي/ك, digits, half-spaces, diacritics).',
  })
  @ApiOkResponse({ type: ArticleListDto })
  async search(
    @Query() query: SearchArticlesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ArticleListDto> {
    const rows = await searchArticles(this.dataSource, {
      q: query.q,
      categoryCode: query.categoryCode,
      publishedOnly: publishedOnly(principal),
      limit: LIMIT,
    });
    return { articles: rows.map(articleDto) };
  }

  @Get('suggestions')
  @ApiOperation({
    summary:
      'Articles for the call being registered: the category’s, those sharing words with the description first',
  })
  @ApiOkResponse({ type: ArticleListDto })
  async suggest(
    @Query() query: SuggestArticlesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ArticleListDto> {
    const common = { categoryCode: query.categoryCode, publishedOnly: publishedOnly(principal), limit: 5 };
    const matching = await searchArticles(this.dataSource, { ...common, q: query.description, match: 'any' });
    const rest = await searchArticles(this.dataSource, common);
    const seen = new Set(matching.map((r) => r.article_id));
    const rows = [...matching, ...rest.filter((r) => !seen.has(r.article_id))].slice(0, 5);
    return { articles: rows.map(articleDto) };
  }
}
