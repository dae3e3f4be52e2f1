import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  CurrentPrincipal,
  Roles,
  pageOfRows,
  pageWindow,
  pagingDescription,
  type Principal,
} from '@samad/service-kit';
import { articleDto } from './article.view';
import {
  ArticleListDto,
  ArticlePageDto,
  SearchArticlesQueryDto,
  SuggestArticlesQueryDto,
} from './knowledge.dto';
import { searchArticles } from './knowledge.store';

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
    summary:
      'Search articles as the operator types (every word, each as a prefix), best match first (paged, with the total)',
    description:
      'PostgreSQL full-text search over text folded for Persian (ي/ك, digits, half-spaces, diacritics). ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiBadRequestResponse({ description: 'A bad filter, page or pageSize (Problem Details naming it)' })
  async search(
    @Query() query: SearchArticlesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ArticlePageDto> {
    const window = pageWindow(query);
    const search = { q: query.q, categoryCode: query.categoryCode, publishedOnly: publishedOnly(principal) };
    const rows = await searchArticles(this.dataSource, { ...search, ...window });
    const page = await pageOfRows(rows, window, articleDto, async () => {
      // A page past the end: count with the first row of an unbounded search.
      const [first] = await searchArticles(this.dataSource, { ...search, limit: 1 });
      return first?.total ?? 0;
    });
    return { ...page, articles: page.items };
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
