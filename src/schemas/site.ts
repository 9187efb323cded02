/** content/site.yaml: the site as a whole; the footer's identification items come only from here. */
import { z } from 'zod';
import { MAX, text } from './common.ts';

export const siteSchema = z
  .strictObject({
    name: text(MAX.name).describe('网站名称，显示在页头'),
    publicUrl: z.url({ protocol: /^https?$/ }).max(MAX.url).describe('网站正式地址，用于规范链接、订阅和嵌入代码，如 https://www.example.gov.cn/zt/reports/'),
    organiser: text(MAX.name).describe('主办单位'),
    contact: z
      .strictObject({
        phone: text(MAX.name).optional().describe('联系电话'),
        email: z.email().max(MAX.name).optional().describe('电子邮箱'),
        address: text(MAX.name).optional().describe('地址'),
      })
      .describe('联系方式'),
    siteCode: text(MAX.name).optional().describe('网站标识码（未填写时页脚不显示，npm run check 给出警告）'),
    icp: text(MAX.name).optional().describe('ICP备案号，页脚链接到工业和信息化部备案管理系统（未填写时不显示，npm run check 给出警告）'),
    publicSecurity: text(MAX.name).optional().describe('公安机关备案号（未填写时页脚不显示，npm run check 给出警告）'),
    correctionUrl: z
      .url({ protocol: /^https?$/ })
      .max(MAX.url)
      .optional()
      .describe('纠错（找错）页面地址，显示在页脚的“纠错”链接上；不填时“纠错”链接写信到 contact.email'),
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/).default('+08:00').describe('发布时间所用时区，默认北京时间 +08:00'),
  })
  .describe('site.yaml：网站信息');

export type Site = z.infer<typeof siteSchema>;
