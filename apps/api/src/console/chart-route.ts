import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@luyue/domain';
import type { Request, Response } from 'express';
import { SVG_IMAGE_CSP } from './svg-chart';

/** What a chart image route (`…/:chart.svg?contract=&year=`) is asked; the year as sent. */
export interface ChartRequest {
  chart: string;
  contractId: string;
  year: unknown;
}

/** The chart route's request; without one `?contract=` there is no chart to find. */
export const ChartQuery = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ChartRequest => {
    const { params, query } = ctx.switchToHttp().getRequest<Request>();
    if (typeof query.contract !== 'string')
      throw new DomainError('not_found', 'contract.not_found', {});
    return { chart: params.chart as string, contractId: query.contract, year: query.year };
  },
);

/** Sends a chart as an image of its own, under the CSP that allows only its inline styles. */
export function sendSvgChart(res: Response, svg: string): void {
  res.setHeader('Content-Security-Policy', SVG_IMAGE_CSP);
  res.type('image/svg+xml').send(svg);
}
