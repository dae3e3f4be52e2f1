import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { writeArticleVersion } from '@samad/request-lifecycle';
import { CurrentPrincipal, Roles, type Principal } from '@samad/service-kit';
import { assertMayWrite } from './editable-categories';
import { articleDto } from './article.view';
import { ArticleDto, EditArticleDto, WriteArticleDto } from './knowledge.dto';
import { KnowledgeError } from './knowledge.errors';
import { appendArticleVersion, articleVersions, findArticle, loadArticle } from './knowledge.store';

/** Administrators and agency editors write articles; every edit is a new version in the article's stream. */
@ApiTags('knowledge')
@Roles('admin', 'agency_editor')
@Controller('api/knowledge/articles')
export class WriteArticleHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @ApiOperation({ summary: 'Write a new article (version 1), draft unless status is published' })
  @ApiCreatedResponse({ type: ArticleDto })
  create(@Body() body: WriteArticleDto, @CurrentPrincipal() principal: Principal): Promise<ArticleDto> {
    return this.write(randomUUID(), 0, body, principal);
  }

  @Put(':articleId')
  @ApiOperation({ summary: 'A new version of an article (edit, publish or unpublish), based on baseVersion' })
  @ApiOkResponse({ type: ArticleDto })
  async edit(
    @Param('articleId') articleId: string,
    @Body() body: EditArticleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ArticleDto> {
    const current = await findArticle(this.dataSource, articleId);
    if (!current) throw new KnowledgeError('ARTICLE_NOT_FOUND', `no article ${articleId}`);
    // An editor may neither edit another agency's article nor move one into a category it does not own.
    assertMayWrite(principal, current.category_code);
    return this.write(articleId, body.baseVersion, body, principal);
  }

  @Get(':articleId/versions')
  @ApiOperation({ summary: 'Every version of the article, oldest first (its stream)' })
  async versions(@Param('articleId') articleId: string): Promise<{ versions: unknown[] }> {
    const versions = await articleVersions(this.dataSource, articleId);
    if (versions.length === 0) throw new KnowledgeError('ARTICLE_NOT_FOUND', `no article ${articleId}`);
    return { versions };
  }

  private async write(
    articleId: string,
    baseVersion: number,
    body: WriteArticleDto,
    principal: Principal,
  ): Promise<ArticleDto> {
    assertMayWrite(principal, body.categoryCode);
    const state = await loadArticle(this.dataSource, articleId);
    const { categoryCode, titleFa, titleEn, body: text, status } = body;
    const [event] = writeArticleVersion(
      {
        articleId,
        baseVersion,
        content: { categoryCode, titleFa, titleEn, body: text, status },
        writtenBy: principal.id,
        now: new Date(),
      },
      state,
    );
    if (event) await appendArticleVersion(this.dataSource, event);
    const row = await findArticle(this.dataSource, articleId);
    if (!row) throw new Error(`article ${articleId} was written but is not in the read model`);
    return articleDto(row);
  }
}
