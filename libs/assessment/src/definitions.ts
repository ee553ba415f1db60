// The pure half of the yearly assessment: the template and the scorecard's formulas.
export * from './assessment-template';
export * from './scorecard';
