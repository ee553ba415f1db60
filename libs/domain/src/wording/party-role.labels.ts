import type { Party } from '../party.types';
import type { Role } from '../role.types';

// zh-CN names of the parties and roles, on pages and in mail.
export const PARTY_LABELS: Readonly<Record<Party, string>> = {
  hospital: '甲方（医院）',
  vendor: '乙方（软件公司）',
  supervisor: '监理方',
};

/** The parties' short names, as contracts and the API's descriptions call them. */
export const PARTY_SHORT_LABELS: Readonly<Record<Party, string>> = {
  hospital: '甲方',
  vendor: '乙方',
  supervisor: '监理方',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  hospital_staff: '医院信息科',
  hospital_manager: '医院主管',
  vendor_pm: '项目经理',
  vendor_dev: '开发人员',
  supervisor: '监理',
  admin: '管理员',
};
