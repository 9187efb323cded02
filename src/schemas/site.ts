/** content/site.yaml: the site as a whole; the footer's identification items come only from here. */
import { z } from 'zod';

export const siteSchema = z
  .strictObject({
    name: z.string().min(1).describe('网站名称，显示在页头'),
    publicUrl: z.url({ protocol: /^https?$/ }).describe('网站正式地址，用于规范链接、订阅和嵌入代码，如 https://www.example.gov.cn/zt/reports/'),
    organiser: z.string().min(1).describe('主办单位'),
    contact: z
      .strictObject({
        phone: z.string().min(1).optional().describe('联系电话'),
        email: z.email().optional().describe('电子邮箱'),
        address: z.string().min(1).optional().describe('地址'),
      })
      .describe('联系方式'),
    siteCode: z.string().min(1).optional().describe('网站标识码'),
    icp: z.string().min(1).optional().describe('ICP备案号'),
    publicSecurity: z.string().min(1).optional().describe('公安机关备案号'),
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/).default('+08:00').describe('发布时间所用时区，默认北京时间 +08:00'),
  })
  .describe('site.yaml：网站信息');

export type Site = z.infer<typeof siteSchema>;
