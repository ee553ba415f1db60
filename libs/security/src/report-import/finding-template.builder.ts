import ExcelJS from 'exceljs';
import { REPORT_FORMAT_LABELS, chooseFromListPrompt } from '@luyue/domain';
import { type SheetReportFormat } from '../security-finding.types';
import { SHEET_COLUMNS } from './sheet.columns';

export type FindingTemplateKind = 'mlps' | 'crypto';

const FORMAT_OF: Readonly<Record<FindingTemplateKind, SheetReportFormat>> = {
  mlps: 'mlps_sheet',
  crypto: 'crypto_sheet',
};

// exceljs has range validations (`sheet.dataValidations`) but does not declare them.
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Rows below the header that get the drop-downs. */
const TEMPLATE_ROWS = 1000;

/**
 * An empty MLPS or crypto-assessment finding sheet (XLSX) with the columns the parser reads, and
 * drop-downs for the layer, the compliance and the risk level.
 */
export async function buildFindingTemplate(kind: FindingTemplateKind): Promise<Buffer> {
  const format = FORMAT_OF[kind];
  const columns = SHEET_COLUMNS[format];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(REPORT_FORMAT_LABELS[format], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = sheet.getColumn(i + 1).letter;
    // Excel keeps a list validation's values in one quoted formula.
    (sheet as unknown as RangeValidations).dataValidations.add(
      `${letter}2:${letter}${TEMPLATE_ROWS + 1}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: chooseFromListPrompt(c.choices),
      },
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
