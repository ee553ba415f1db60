// Sample values: the examples the OpenAPI document shows in its request and response bodies, and
// the payloads the bench sends. Sample data, not wording; kept here so that no source file
// outside the catalogue holds Chinese text.

/** The OpenAPI examples, by the field they illustrate. */
export const API_EXAMPLES = {
  // People and organizations.
  userName: '李雷',
  organizationName: '示例市第一人民医院',
  contractName: '医院信息系统运维服务合同',
  // Customization requests.
  requirementTitle: 'HIS 对接医保结算接口',
  requirementDescription: '门诊收费需要调用医保局新版结算接口，详见附件说明。',
  attachmentName: '挂号页面截图.png',
  solution: '在集成平台新增医保结算服务，HIS 通过平台调用。',
  rejectReason: '与年度信息化规划不符',
  effortNote: '完成接口联调',
  testSubmissionNotes: '测试环境已部署',
  testPassedNotes: 'UAT 通过',
  testFailedNotes: '退费场景结算金额不一致',
  releaseNotes: '新增医保结算接口',
  rollbackPlan: '回退至 v5.2.0 并关闭平台路由',
  acceptanceNote: '功能符合需求，同意验收',
  replanReason: '医保局接口文档延期发布',
  // Change requests.
  changeTitle: '门诊自助机增加医保电子凭证支付',
  changeImpactScope: '门诊自助机新增医保电子凭证支付',
  changeImpactSchedule: '交付顺延 10 个工作日',
  changeImpactCost: '不增加合同费用',
  // Rectification notices.
  noticeAssessor: 'XX 测评中心',
  noticeTitle: '2026 年度等保测评整改',
} as const;

/** What the bench's requests carry: a request and each step's payload text. */
export const BENCH_SAMPLES = {
  requirementDescription: '压测需求',
  solution: '压测方案',
  effortNote: '压测',
  testPassedNotes: '通过',
  releaseNotes: '上线',
  rollbackPlan: '回滚',
  acceptanceNote: '验收',
  scanNoticeTitle: '压测扫描',
  sheetNoticeTitle: '压测大表格',
  sheetName: '问题清单',
} as const;
