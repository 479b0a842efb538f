import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Paging {
  page: number;
  per_page: number;
  offset: number;
}

/** `page`/`per_page` from a validated query (the contract supplies defaults and limits). */
export function pagingOf(query: { page?: number; per_page?: number }): Paging {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  return { page, per_page: perPage, offset: (page - 1) * perPage };
}

/** `X-Total-Count` and RFC 8288 `Link` headers (`next`, `prev`), as Koha and GitHub do. */
export function setPagingHeaders(request: FastifyRequest, reply: FastifyReply, paging: Paging, total: number): void {
  reply.header('X-Total-Count', String(total));
  const links: string[] = [];
  const linkTo = (page: number, rel: string) => {
    const url = new URL(request.url, 'http://placeholder');
    url.searchParams.set('page', String(page));
    links.push(`<${url.pathname}${url.search}>; rel="${rel}"`);
  };
  if (paging.offset + paging.per_page < total) linkTo(paging.page + 1, 'next');
  if (paging.page > 1) linkTo(paging.page - 1, 'prev');
  if (links.length) reply.header('Link', links.join(', '));
}
