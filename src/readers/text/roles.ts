// Lines that are not body text: the parts of an official document or a news
// page around its body (GB/T 9704 calls them 版头, 主送机关, 附件说明, 署名, 成文日期,
// 附注, 版记), and the lines of a title block under the title. Each recognizer
// looks at one line; where a line stands decides whether it counts (title-block.ts,
// end-matter.ts). Simplified and Traditional forms are both accepted.

const DIGITS = '[0-9\\uFF10-\\uFF19]';
// (A Latin O for the zero is a common slip in official copies: "二O一一年八月十日".)
const HAN_DIGITS = '[〇○零一二三四五六七八九十OＯ]';
const YEAR = `(?:${DIGITS}{4}|${HAN_DIGITS}{4}|${DIGITS}{2,3})`;
const MONTH_DAY = `(?:${DIGITS}{1,2}|${HAN_DIGITS}{1,3})\\s*月\\s*(?:${DIGITS}{1,2}|${HAN_DIGITS}{1,3})\\s*日`;
/** "2018年12月29日", "二〇〇五年六月十一日", "中華民國107年12月19日" (spaces allowed, in the era's name too: "中　華　民　國"). */
export const DATE = `(?:中\\s*[華华]\\s*民\\s*[國国]|民\\s*[國国])?\\s*${YEAR}\\s*年\\s*${MONTH_DAY}`;

/** Web-page chrome: 下载 / 打印 / 【字号：大 中 小】 / 关闭窗口 … */
const CHROME =
  /^[【\[]?\s*(?:[\p{Script=Han}A-Za-z]{0,6}(?:下载|下載)|打印|打印全文|列印全文|全屏|收藏|分享|关闭|關閉|关闭窗口|關閉視窗|打印本页|列印|字号[：:]?|字號[：:]?|加大|减小|減小|还原|還原|默认|默認|大\s*中\s*小|返回顶部|返回頂部|回到顶部|回到頂部|回顶部|回頂部|回顶端|回頂端|回到頂端|回到顶端|相关链接|相關連結|扫一扫在手机上?(?:打开|查看)当前页面?|掃一掃在手機上?(?:打開|查看)當前頁面?|附件下载|附件下載|分享更多|分享到|字体[：:]?|字體[：:]?|葡文版本|中文版本|英文版本|葡文版|English Version)\s*[】\]]?$/v;

/** A page's control ("打印", "字体：", "分享更多"): chrome, and no label over a value, whatever its colon. */
export const isControl = (content: string): boolean => CHROME.test(content);

/** Labelled fields of a release or a web page before its text. */
const FIELD =
  /^(?:日期|编译|編譯|本文来源|本文來源|會議日期|会议日期|裁判日期|宣判日期|主題|主题|法官|原标题|原標題|发稿单位|發稿單位|发稿时间|發稿時間|发稿人员|發稿人員|发稿人|發稿人|发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|發佈日期|發佈時間|公布日期|公佈日期|更新日期|公告日|公告日期|发文日期|發文日期|发文字号|發文字號|项目编号|項目編號|发布人|發布人|发布者|發布者|发布单位|發布單位|文件编号|文件編號|公告编号|公告編號|成文日期|来源|來源|时间|時間|地點|地点|出席委員|出席委员|列席委員|列席委员|列席官員|列席官员|出席人員|出席人员|列席人員|列席人员|請假委員|请假委员|資料來源|资料来源|作者|索引号|索引號|主题分类|主題分類|发文机关|發文機關|文号|文號|字号|字號|速别|速別|密等|发布机构|發布機構|更新时间|更新時間|浏览次数|瀏覽次數|地址|承辦人|承办人|聯絡人|联络人|聯絡電話|联络电话|電話|电话|傳真|传真|電子信箱|电子信箱|電子郵件|电子邮件|密等及解密條件或保密期限|密等及解密条件或保密期限|解密條件|标题|標題|主题词|主題詞|发文机构|發文機構|有效性|内容概述|內容概述|生效日期|废止日期|廢止日期|生成日期|公开方式|公開方式|公开时限|公開時限|公开范围|公開範圍|公开形式|公開形式|责任部门|責任部門|信息来源|信息來源|所属机构|所屬機構|发布机关|發布機關|公开日期|公開日期|信息分类|信息分類|组配分类|組配分類|体裁分类|體裁分類|服务对象分类|公報編號|公报编号|刊登日期|版數|版数|相關法規|相关法规|相關類別|相关类别|法規|法规)\s*[：:]/u;

/** A letter-spaced label ("索 引 号：", "标\u3000\u3000题：") read without its spaces. */
const unspacedLabel = (content: string): string => content.replace(/^((?:\p{Script=Han}[\s\u3000\u00A0]*){2,12}[：:])/v, (label) => label.replace(/[\s\u3000\u00A0]+/gu, ''));

/** "2026-01-31 07:00:44", "2026/01/31", a page's day first: "11.02.2015 01:07". */
export const TIMESTAMP = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
/** A page's time line with its source and counters after a gap: "2015-03-09 16:50:43    人民网  参与评论()人". */
const TIMESTAMP_LINE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?[\s\u3000]+[^\u3002\uFF01\uFF1F!?\uFF0C,]{1,40}$/u;
/** A page's own title, the story's and the site's joined by an underscore: "2015年全国两会_中华网新闻". */
const PAGE_TITLE = /^[^_\u3002]{2,80}_[\p{Script=Han}A-Za-z0-9]{1,12}(?:网|網|新闻|新聞|频道|頻道|网站|網站)$/v;

/** A digit, or a template's placeholder for one ("××法建〔××××〕×号"). */
const DIGIT_OR_BLANK = '[0-9\\uFF10-\\uFF19\\u00D7]';

/** A Macau court's case number: "第11/2023號案". */
const CASE_NUMBER_BODY = '第[\\s\\u3000]*[0-9\\uFF10-\\uFF19]{1,5}[\\s\\u3000]*\\/[\\s\\u3000]*[0-9\\uFF10-\\uFF19]{4}[\\s\\u3000]*[号號](?:案|案件)?';
export const CASE_NUMBER = new RegExp(`^${CASE_NUMBER_BODY}$`, 'u');

/** A document number: "国办发〔2018〕128号", "法释〔2023〕11号", "国务院令第713号", "府都綜字第1071353381號", a case's "（2014）庆城民初字第833号". */
// (A Taiwan court's case number names its year by the court's calendar: "108年度附民字第672號".)
export const DOC_NUMBER = new RegExp(
  `^(?:[\\(\uFF08]${DIGIT_OR_BLANK}{4}[\\)\uFF09](?:\\p{Script=Han}|${DIGIT_OR_BLANK}){1,16}第?${DIGIT_OR_BLANK}+[号號]|[\\p{Script=Han}\\u00D7]{1,12}[〔［\\[\\(（]${DIGIT_OR_BLANK}{4}[〕］\\]\\)）]\\s*第?${DIGIT_OR_BLANK}+\\s*[号號]|[\\p{Script=Han}]{1,16}令\\s*第\\s*${DIGITS}+\\s*[号號]|[\\p{Script=Han}]{1,12}字第\\s*${DIGITS}+\\s*[号號]|${DIGITS}{2,3}\\s*年度\\s*[\\p{Script=Han}]{1,8}字第\\s*${DIGITS}+\\s*[号號]|${CASE_NUMBER_BODY})$`,
  'v',
);

/** A reference code on its own line: "A 13/14-24". */
const REFERENCE = /^[A-Z]{1,4}\s?\d{1,4}[/-]\d{1,4}(?:-\d{1,4})?$/u;

/** The e-paper's edition line: "《 人民日报 》（ 2021年07月25日 01 版）". */
export const EDITION_LINE =
  /^\u300A\s*[\p{Script=Han}]{2,12}\s*\u300B\s*[\(\uFF08]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*[0-9\uFF10-\uFF19]{1,3}\s*版)?\s*[\)\uFF09]$/v;

/** A bulletin's issue and page over its name: "1886 期 / 第2版:2", "第35期", "总第1886期 第2版". */
const ISSUE_LINE = /^(?:总第|總第|第)?[\s\u3000]*[0-9\uFF10-\uFF19]{1,5}[\s\u3000]*期(?:[\s\u3000]*[\/\uFF0F|｜]?[\s\u3000]*(?:第[\s\u3000]*[0-9\uFF10-\uFF19]{1,3}[\s\u3000]*版)(?:[\s\u3000]*[\uFF1A:][\s\u3000]*[0-9\uFF10-\uFF19]{1,3})?)?$/u;

/** A page's count of pages at its foot: "第 1 頁，共 2 頁", "共2页 第1页". */
export const PAGE_OF = /^(?:第[\s\u3000]*[0-9\uFF10-\uFF19]{1,4}[\s\u3000]*[頁页][\s\u3000]*[\uFF0C,\uFF0F/]?[\s\u3000]*共[\s\u3000]*[0-9\uFF10-\uFF19]{1,4}[\s\u3000]*[頁页]|共[\s\u3000]*[0-9\uFF10-\uFF19]{1,4}[\s\u3000]*[頁页][\s\u3000]*[\uFF0C,]?[\s\u3000]*第[\s\u3000]*[0-9\uFF10-\uFF19]{1,4}[\s\u3000]*[頁页])$/u;

/** A rule between items or under a title: "-", "---", "***", "＊＊＊", "————". */
export const RULE_LINE = /^(?:[-\u2014\u2013_*\uFF0A=~\u2500\u2501\u00B7|\uFF5C]\s*)+$/u;

/** "2026年3月8日 星期日": a page's date; over a title it is header matter, under one a note. */
export const WEEKDAY_DATE = new RegExp(`^${DATE}\\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]$`, 'u');

/** "当前位置：", "您的位置：": the label a breadcrumb trail opens with. */
const TRAIL_LABEL = '(?:您|你)?(?:的|当前的|當前的|所在的|所在|现在的|現在的|目前的|当前|當前|现在|現在|目前)?(?:位置|所在位置)\\s*[：:]';
/** The label alone on its line, the trail's links on the lines under it (one token a line). */
export const TRAIL_LABEL_ALONE = new RegExp(`^${TRAIL_LABEL}$`, 'u');
/** A page's place in its site: "您的位置：首页>…", "您當前的位置:北方網>…", "首页>专题>2016全国两会专题报道>本网原创". */
const BREADCRUMB = new RegExp(`^(?:${TRAIL_LABEL}|(?:首页|首頁|主页|主頁|网站首页|網站首頁)\\s*[>»›→]\\s*\\S)`, 'u');

/**
 * A web page's navigation and controls: an e-paper's page list ("01版：要闻"), its controls (展开通版,
 * 上一版, 当前版：03版), a portal's row of sections ("直通屏山|福建|时评|…"), a skip link, a copyright line.
 */
/** "Copyright ©2025 …", "版權所有 …", "©rthk.hk": a site's copyright line. */
const COPYRIGHT_LINE = /^(?:Copyright|©|\(C\)|版权所有|版權所有)|(?:版权所有|版權所有|All Rights Reserved)/iu;

function webChrome(content: string): boolean {
  if (/^(?:第\s*)?[0-9\uFF10-\uFF19]{1,3}\s*版\s*[：:]\s*[\p{Script=Han}A-Za-z·]{1,10}$/v.test(content)) return true;
  if (/^(?:通版阅读请点击|通版閱讀請點擊|展开通版|展開通版|收缩通版|收縮通版|上一版|下一版|上一篇|下一篇|上一期|下一期|返回目录|返回目錄|返回首页|返回首頁|返回列表|跳至主要內容|跳至主要内容|跳到主要內容(?:區塊)?(?:\s*Go\s+To\s+Center\s+block)?|跳到主要内容(?:区块)?|跳过导航|跳過導航|当前版[：:].*|當前版[：:].*|本版新闻|本版新聞|版面导航|版面導航|往期回顾|往期回顧)\s*[：:]?$/u.test(content)) return true;
  if (/^(?:Skip to (?:main )?content|(?:Scroll|Back|Go) to Top)$/iu.test(content)) return true;
  // A page's links to the articles before and after it: "上一篇：长白铁路开通运营", "下一篇：……".
  if (/^(?:上一篇|下一篇|上一条|下一条|上一則|下一則|上一筆|下一筆|上篇|下篇)[\s\u3000]*[\uFF1A:][\s\u3000]*\S/u.test(content) && content.length <= 80) return true;
  // A government site's notes on the browser: "您的瀏覽器不支援JavaScript功能……", "友善列印 :", "字級設定 :",
  // "請利用鍵盤按住Ctrl + P開啟列印功能", "而IE7或Firefox瀏覽器則可利用鍵盤 Ctrl + (+)放大 (-)縮小……".
  if (/^(?:您的|你的)?(?:瀏覽器|浏览器)(?:不支援|不支持|未啟用|未启用)\s*JavaScript/iu.test(content)) return true;
  // The site's name at the head of each of its pages ("澳門特別行政區政府入口網站") and its list's view switch ("顯示模式: 網格 列表").
  if (content.length <= 30 && /^[\p{Script=Han}]{2,26}(?:入口網站|入口网站|門戶網站|门户网站|政府網站|政府网站|官方網站|官方网站|全球資訊網|全球资讯网)$/v.test(content)) return true;
  if (content.length <= 30 && /^(?:顯示模式|显示模式|檢視模式|检视模式|瀏覽模式|浏览模式)\s*[\uFF1A:]/u.test(content)) return true;
  // A list page's search form and pager: "查詢條件", "請輸入關鍵字", "請選擇欲查詢日期區間 -", "1825筆資料，每頁顯示 10 筆，".
  if (content.length <= 30 && /^(?:查詢條件|查询条件|搜尋條件|搜索条件|(?:請|请)(?:輸入|输入|選擇|选择)[\p{Script=Han}]{0,16}(?:\s*[\-－~～])?)$/v.test(content)) return true;
  if (content.length <= 40 && /^(?:共\s*)?[0-9]+\s*(?:筆資料|笔资料|條資料|条资料|筆|笔|條|条)[\uFF0C,\s]*(?:每頁顯示|每页显示|每頁|每页)/u.test(content)) return true;
  if (/^(?:加入資料夾|加入资料夹|加入書籤|加入书签|加入收藏|收藏本頁|收藏本页)\s*[\uFF1A:]?$/u.test(content)) return true;
  if (/^(?:友善列印|友善打印|字級設定|字级设定|字型大小|字體大小|字体大小)\s*[\uFF1A:]?$/u.test(content)) return true;
  if (content.length <= 120 && /(?:鍵盤|键盘)/u.test(content) && /(?:Ctrl|CTRL|ALT|Alt)\s*(?:鍵|键)?\s*\+/u.test(content)) return true;
  // A page's row of tools ("字体: 打印", "分享:") and its language switch ("English", "繁體").
  if (content.length <= 24 && /^(?:(?:字体|字體|字号|字號|分享|分享到)[\uFF1A:]?|[大中小]|打印|列印|收藏|关闭|關閉|[\s\u3000|｜])+$/u.test(content) && /(?:字体|字體|字号|字號|分享|打印|列印)/u.test(content)) return true;
  if (/^(?:English|ENGLISH|EN|繁體|繁体|简体|簡體|繁體版|简体版|English Version)$/u.test(content)) return true;
  // A page's type-size buttons alone on their lines: "T+", "T-", "A+", "A-", "A A A".
  if (/^(?:[TA][+\-\uFF0B\uFF0D]|A(?:\s+A){1,2})$/u.test(content)) return true;
  // Icon names a page's text keeps beside its tools (Material icons): "工務 text_rotate_vertical 另存PDF print 友善列印".
  if (content.length <= 60 && /\b(?:text_rotate_vertical|print|share|file_download|picture_as_pdf)\b/u.test(content) && /(?:列印|打印|另存|下載|下载|分享)/u.test(content)) return true;
  // A page's accesskey anchor (":::" before each of its areas).
  if (/^:{3}$/u.test(content)) return true;
  // A portal's disclaimer and its app's advertisement under every story: "免责声明：自媒体综合提供的内容……",
  // "海量资讯、精准解读，尽在新浪财经APP".
  if (/^(?:免责声明|免責聲明)[\uFF1A:]/u.test(content)) return true;
  if (content.length <= 40 && /(?:尽在|盡在|下载|下載)[\p{Script=Han}A-Za-z]{0,12}(?:APP|App|app|客户端|客戶端)$/v.test(content)) return true;
  if (/^(?:原文链接|原文鏈接|原文地址|阅读原文|閱讀原文|查看原文|来源链接|來源連結)[\uFF1A:]?$/u.test(content)) return true;
  // A call to the reader about the page's video or account: "横版全屏视频请见文末", "点击观看横版全屏视频", "▼".
  if (/^[\u25BC\u2193]+$|^(?:点击|點擊|长按|長按|扫码|掃碼)(?:观看|觀看|关注|關注|识别|識別|二维码|二維碼|下方|上方)|(?:请见|請見|详见|詳見)文末$/u.test(content) && content.length <= 30) return true;
  // Four or more short sections in a row, set apart by bars.
  const parts = content.split(/\s*[|｜]\s*/u);
  if (parts.length >= 5 && parts.every((part) => part.length >= 1 && part.length <= 8 && !/[\u3002\uFF0C]/u.test(part))) return true;
  return content.length <= 100 && COPYRIGHT_LINE.test(content);
}

/** Labels of a web page's tools and counters: "分享到：", "下载地址：点击此处下载", "浏览量：". */
const PAGE_TOOL = /^(?:分享到|分享至|下载地址|下載地址|浏览量|瀏覽量|阅读量|閱讀量|阅读数|閱讀數|点击数|點擊數|点击量|點擊量|简介|簡介|附件下载|附件下載)\s*[：:]/u;

/** A row that opens with a date, in brackets or not ("(2025-07-09) 稿件来源：…"), and one of a date, a time and a source. */
const DATED_START = new RegExp(`^[(\uFF08]?\\s*(?:${DATE}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})`, 'u');
const TIMED_ROW = new RegExp(`^(?:${DATE}|\\d{4}[\\-\\/.]\\d{1,2}[\\-\\/\\.]\\d{1,2})\\s*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*[\\p{Script=Han}A-Za-z]{0,12}$`, 'v');
/** "2015年8月27日(星期四)" after a release's text. */
const BRACKETED_WEEKDAY_DATE = new RegExp(`^${DATE}\\s*[(\uFF08](?:星期|週|周)[一二三四五六日天][)\uFF09]$`, 'u');

/** "2016年03月17日 11:17 | 作者: 张春莉 | 来源:人民政协网", "作者:法律资料网时间:2016-01-17": a page's byline row. */
/**
 * A picture's credit on a line of its own, under its caption: "新华社记者  熊琦摄", "苏阳摄（人民视觉）",
 * "（本报记者 张三、李四摄）", "王五/摄", "新华社发  李六摄". Names only: a caption's sentence is no credit.
 */
const PHOTO_CREDIT = /^[\(\uFF08]?(?:[\p{Script=Han}]{0,12}?(?:记者|記者|通讯员|通訊員|摄影记者|攝影記者|特约摄影|特約攝影|发|發)[\s\u3000\u00A0]*)?(?:[\p{Script=Han}]{1,6}·[\p{Script=Han}]{1,6}|\p{Script=Han}[\s\u3000\u00A0]+\p{Script=Han}|[\p{Script=Han}·]{2,4})(?:[\s\u3000\u00A0、]+(?:\p{Script=Han}[\s\u3000\u00A0]+\p{Script=Han}|[\p{Script=Han}·]{2,4})){0,3}[\s\u3000\u00A0\/／]*(?:摄|攝|摄影|攝影)[\)\uFF09]?(?:[\(\uFF08][\p{Script=Han}A-Za-z·\s]{1,12}[\)\uFF09])?$/v;

const SOURCE_CREDIT = /^[(\uFF08]\s*(?:摘编自|摘編自|摘自|转自|轉自|转载自|轉載自|原载|原載|原载于|原載於|来源|來源)[\uFF1A:]?[^()\uFF08\uFF09]{1,60}[)\uFF09]$/u;

/**
 * A picture's address where the picture was, as a converter writes it: "![](https://…)", "![cover_image](https://…)",
 * "![作者头像](…)", "![]()" (a widget's picture with no address); a banner's words may stand after it on its line.
 */
export const IMAGE_LINE = /^!\[[^\]]{0,40}\]\([^)\s]*\)(?:\s+[^\u3002]{1,40})?$/u;

/** A link or a page's dated byline row: page furniture wherever it stands (a file of many pages has one under each). */
export function pageRow(content: string, next = ''): boolean {
  return (
    LINK_LINE.test(content) ||
    ADDRESS_ONLY.test(content) ||
    // "原始網址：" or "電子郵件:" over the address it labels.
    (/^[\p{Script=Han}]{2,6}[\uFF1A:]$/v.test(content) && (ADDRESS_ONLY.test(next) || LINK_LINE.test(next))) ||
    (content.length <= 100 && COPYRIGHT_LINE.test(content)) ||
    RULE_LINE.test(content) ||
    CREDIT_PAIRS.test(content) ||
    PHOTO_CREDIT.test(content) ||
    // Where a piece was taken from, under it: "（摘编自《贵州日报》，原题为《勇敢并不孤独》）".
    SOURCE_CREDIT.test(content) ||
    // "以上图片均为考古杂志社提供（新华社发）": where the page's pictures came from.
    /^(?:以上|上述|本版)?(?:图片|圖片|照片)(?:均)?(?:为|為|由)[^\u3002\uFF0C,]{1,30}(?:提供|供图|供圖)(?:[(\uFF08][^()\uFF08\uFF09]{1,12}[)\uFF09])?\u3002?$/u.test(content) ||
    // "（作者为首都经济贸易大学教授）" under each piece of a page of several.
    AUTHOR_NOTE.test(content) ||
    // A page's design and data credits, at its top as at its foot: "版式设计：蔡华伟", "数据来源：中国汽车流通协会".
    /^(?:数据来源|數據來源|版式设计|版式設計|美术设计|美術設計|视觉设计|視覺設計|制图|製圖|制表|製表|图表制作|圖表製作)[\uFF1A:][\s\u3000]*[^\uFF0C,\u3002]{1,30}$/u.test(content) ||
    // A reporter's credit in brackets after the passage they filed: "（本报驻伊斯兰堡记者  李四）".
    (/^[(\uFF08][^()\uFF08\uFF09]+[)\uFF09]$/u.test(content) && BYLINE.test(content)) ||
    IMAGE_LINE.test(content) ||
    (metaRow(content) && !/[\u3002\uFF0C\uFF01\uFF1F]/u.test(content))
  );
}

/** A line that is only an address, as a page or Markdown gives it: <https://…>, [text](https://…), mailto, a bare e-mail. */
const ADDRESS_ONLY = /^(?:[\p{Script=Han}]{0,10}[\uFF1A:]\s*)?(?:<(?:https?|mailto):\S+>|\[[^\]]*\]\((?:https?|mailto):[^\)]+\)|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)$/v;

function metaRow(content: string): boolean {
  const labels = content.match(/(?:作者|媒体|媒體|来源|來源|时间|時間|发布时间|發布時間|编辑|編輯|责任编辑|責任編輯|浏览量|瀏覽量|字号|字號)\s*[：:]/gu) ?? [];
  const dated = DATED_START.test(content);
  // "2019年03月05日 13:58 中国网": a date with its time, then the source.
  const timed = TIMED_ROW.test(content);
  // "央视国际 www.cctv.com 2007年01月05日 19:56 来源：CCTV.com": a site, a date and time, then its source.
  // ("专业号:张小然 2023/2/9 20:41:50": any label, a name and the moment of posting, is such a row too.)
  const stamped = (labels.length >= 1 || (/^\p{Script=Han}{2,5}[\uFF1A:]/v.test(content) && content.length <= 60)) && new RegExp(`(?:${DATE}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})\\s*\\d{1,2}:\\d{2}`, 'u').test(content) && !/[\u3002\uFF0C]/u.test(content);
  return content.length <= 120 && (timed || stamped || labels.length >= 2 || (labels.length >= 1 && (dated || /[|｜]/u.test(content))));
}

/** A record's field, its label letter-spaced and set off from its value by a gap: "時  間 中華民國108年……", "主  席 段委員宜康". */
const SPACED_MEETING_FIELD = /^(?:時[\s\u3000]+間|时[\s\u3000]+间|地[\s\u3000]+點|地[\s\u3000]+点|主[\s\u3000]+席|記[\s\u3000]+錄|记[\s\u3000]+录)[\s\u3000]+[^\s\u3000\uFF1A:]/u;

/** A web page's leftover link marks: ASCII punctuation only, two kinds at least ("< ] ^ ]", "^ ]"; not a rule "---"). */
export function markDebris(content: string): boolean {
  return content.length <= 16 && /^[!-/:-@[-`{-~\s]+$/u.test(content) && new Set(content.replace(/\s/gu, '')).size >= 2;
}

export function isHeaderField(content: string): boolean {
  // (A bullet before a field, as a page's list of fields sets it: "•索引号：".)
  const field = content.replace(/^[\u2022\u00B7\u25CF]\s*/u, '');
  // A page's bulleted list of fields: "• 有效性：" with its value on the next line or none.
  if (field !== content && /^\p{Script=Han}{2,8}[\uFF1A:]$/v.test(field)) return true;
  return (
    EDITION_LINE.test(content) ||
    ISSUE_LINE.test(content) ||
    IMAGE_LINE.test(content) ||
    REFERENCE.test(content) ||
    CHROME.test(content) ||
    /^[【】\[\]|｜/]+$/u.test(content) ||
    markDebris(content) ||
    RULE_LINE.test(content) ||
    FIELD.test(unspacedLabel(field)) ||
    SPACED_MEETING_FIELD.test(content) ||
    TIMESTAMP.test(field) ||
    TIMESTAMP_LINE.test(field) ||
    PAGE_TITLE.test(content) ||
    DOC_NUMBER.test(content) ||
    PAPER_NUMBER.test(content) ||
    BREADCRUMB.test(content) ||
    webChrome(content) ||
    PAGE_TOOL.test(content) ||
    metaRow(content)
  );
}

/** A council's paper number at the top of a paper: "立法會CB(3)710/2026(01)號文件", "LC Paper No. CB(4)123/25-26(02)". */
const PAPER_NUMBER = /^(?:(?:立法會|立法会)[\s\u3000]*[A-Z]{1,4}[\s\u3000]*\([0-9]\)[\s\u3000]*[0-9]+\/[0-9-]+(?:\([0-9]+\))?[\s\u3000]*(?:號|号)文件|LC[\s\u3000]+Paper[\s\u3000]+No\.?[\s\u3000]*[A-Z]{1,4}[\s\u3000]*\([0-9]\)[\s\u3000]*[0-9]+\/[0-9-]+(?:\([0-9]+\))?)$/u;

/** A photo caption above or under the title: "…记者 李森 摄". */
/** "記者許雅綿／台北報導", "新竹振道記者林彥斌／新竹報導": the reporter and the place, on a line of their own. */
export const REPORTER_LINE = /^(?:[\p{Script=Han}]{0,8}(?:記者|记者)[\s\u3000]*\p{Script=Han}[\p{Script=Han}\u3001\u00B7\s\u3000]{1,16}?)[\s\u3000]*[\uFF0F\/\u2215\u4E28\uFF5C\|][\s\u3000]*(?<place>[\p{Script=Han}]{2,8}?)(?:報導|报道|報道)$/v;

/** A photo's caption: "▲國泰金與台大產學團隊發表……（圖／記者許雅綿攝）", "▲「新竹市中日少棒錦標賽」開打……". */
export const PHOTO_CAPTION = /^\u25B2|[(\uFF08](?:圖|图)[\uFF0F/][^()\uFF08\uFF09]{1,24}[)\uFF09]$/u;

/** A caption ending in its photographer's credit in brackets: "……戰鬥位置就定位。(記者彭新茹攝)". */
export const CREDITED_CAPTION = /[\(\uFF08](?:记者|記者|通讯员|通訊員|攝影|摄影)?[\s\u3000]*[\p{Script=Han}·]{2,12}[\s\u3000]*[摄攝][\)\uFF09]$/v;

export const CAPTION = /(?:记者|記者|通讯员|通訊員)\s*[\p{Script=Han}·\s]{2,12}\s*[摄攝]$/v;

/** Adoption, amendment or promulgation lines of a law, and dated lines in parentheses under a title. */
const ADOPTION = new RegExp(
  `^[(（]?\\s*${DATE}.{0,160}?(?:通过|通過|公布|施行|修正|修订|修訂|发布|發布|批准|颁布|頒布|生效|起施行|印发|印發)(?:[^)）]{0,200})?[)）]?$`,
  'u',
);
const DATED_PARENS = new RegExp(`^[(（]\\s*${DATE}[^()（）]{0,120}[)）]$`, 'u');
const NOTE_TAGS = /^[(（](?:此件公开发布|此件公開發布|此件不公开|摘要|全文|有删节|有刪節)[)）]$/u;

/** A date line under a title: "2013年 1月 17日星期四", "2014年4月30日星期三上午11時正". */
const DATE_LINE = new RegExp(`^${DATE}\\s*(?:[(（]?(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][)）]?)?[^。，,；;]{0,14}$`, 'u');

/** "摘自：……的讲话", "原载《人民日报》": where the text was taken from, a note under its title. */
const SOURCE_NOTE = /^(?:摘自|摘編自|摘编自|选自|選自|原载|原載|转自|轉自|节选自|節選自)[\uFF1A:]?\S/u;

/** A sitting's date and hours under the title of minutes: "中華民國101年6月6（星期三）上午9時7分、下午2時41分". */
const SITTING_DATE = /^(?:中華民國|中华民国)?\s*[0-9\uFF10-\uFF19一二三四五六七八九十〇零百]{2,4}\s*年\s*[0-9\uFF10-\uFF19一二三四五六七八九十]{1,2}\s*月\s*[0-9\uFF10-\uFF19一二三四五六七八九十]{1,3}\s*日?\s*[(\uFF08](?:星期|週|周)[一二三四五六日天][)\uFF09][^\u3002\uFF0C,]{0,40}$/u;

/** An adoption, amendment or promulgation line: "民國81年1月24日（81）陸法字第0311號令發布". */
export function isAdoption(content: string): boolean {
  return ADOPTION.test(content);
}

/** "公布之日施行", "自发布之日起施行": a law's line saying when it takes effect, under its title. */
const EFFECTIVE_LINE = /^自?(?:公布|发布|發布|印发|印發|通过|通過)之日起?(?:施行|生效)$/u;

export function isTitleNote(content: string): boolean {
  return SITTING_DATE.test(content) || SOURCE_NOTE.test(content) || ADOPTION.test(content) || DATED_PARENS.test(content) || DATE_LINE.test(content) || EFFECTIVE_LINE.test(content);
}

/** "省长 李炳军", "新华社记者林晖", "本报记者 张三 李四": an author or speaker line. */
const NAME = '[\\p{Script=Han}·○×Ｏ〇]{2,4}(?:[\\s\\u3000、，,]+[\\p{Script=Han}·]{2,4}){0,4}';
const BYLINE = new RegExp(
  '^[\\(（]?(?:(?:(?:新华社|新華社|人民日报|人民日報|本报|本報|中新社|央视|央視|光明日报|经济日报|[\\p{Script=Han}·・]{2,10}?)?(?:特约|特約)?(?:记者|記者|通讯员|通訊員|评论员|評論員)[\\s\\u3000]*' +
    NAME +
    ')|(?:[\\p{Script=Han}]{0,14}?(?:省长|省長|市长|市長|主席|总理|總理|总统|總統|部长|部長|主任|书记|書記|院长|院長|县长|縣長|区长|區長|州长|州長|代省长|代市长|代理省长|发言人|發言人)[\\s\\u3000]+' +
    NAME +
    '))[\\)）]?$',
  'v',
);

/** "記者：李小明", "文：張三", "撰文：王五": a credit with a colon under a title. */
const LABELLED_BYLINE = new RegExp(`^(?:记者|記者|撰文|文|作者|采访|採訪|整理|编译|編譯)[\\uFF1A:][\\s\\u3000]*${NAME}$`, 'v');

/** Two-character names letter-spaced in a credit ("本报记者  周  欢  李佩阳", "崔  斌") read whole. */
function unspacedNames(credit: string): string {
  const words = credit.split(/[\s\u3000\u00A0]+/u);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [word, next] = [words[i]!, words[i + 1]];
    if (/^\p{Script=Han}$/v.test(word) && next !== undefined && /^\p{Script=Han}$/v.test(next)) {
      out.push(word + next);
      i++;
    } else out.push(word);
  }
  return out.join(' ');
}

/** The edition line glued after the author's name: "刘晓庆《人民日报》（2026年08月13日第05版）". */
export const EDITION_TAIL = new RegExp(EDITION_LINE.source.slice(1), 'v');
const BARE_NAME = new RegExp(`^${NAME}$`, 'v');

/** "本报评论员", "人民日报特约评论员": a staff commentator's signature, a byline without a name. */
const STAFF_BYLINE = /^(?:本报|本報|人民日报|人民日報|新华社|新華社|光明日报|光明日報|经济日报|經濟日報|解放军报|解放軍報)?(?:特约|特約)?(?:评论员|評論員)$/u;

/** Surnames common enough that a line of two or three characters starting with one may be a person's name. */
const SURNAMES = new Set(
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼习習扈厉厲邸訾仝钭逯仉阚闞郜卫衛喻蔺藺宿敬暴'
);
const COMPOUND_SURNAME = /^(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|东方|東方|皇甫|尉迟|尉遲|慕容|令狐|公孙|公孫|夏侯|轩辕|軒轅|端木|司徒|西门|西門|长孙|長孫|宇文|澹台|澹臺|申屠|万俟|萬俟)/u;

/** "李小兰", "欧阳晓燕", "王磊  李娜": one or a few persons' names, each a surname and a given name. */
export function personNames(content: string): boolean {
  // (Two-character names letter-spaced, "汪  玮", read whole.)
  const names = unspacedNames(content).split(/[\s\u3000\u00A0\u3001\uFF0C,]+/u).filter(Boolean);
  if (names.length === 0 || names.length > 4) return false;
  return names.every((name) => {
    if (!/^\p{Script=Han}{2,4}$/v.test(name)) return false;
    if (COMPOUND_SURNAME.test(name)) return name.length >= 3;
    return SURNAMES.has(name[0]!) && name.length <= 3;
  });
}

/** The signature of an editor's note: "——编者", "——编  者". */
export const EDITOR_SIGN = /^[\u2014\u2015]{1,2}\s*(?:编[\s\u3000]*者|編[\s\u3000]*者)$/u;

/** A deputy's or a member's signature, office and name: "中国人民大学教授郑功成代表", "……研究所副所长张斌委员". */
const DEPUTY_BYLINE = /^(?!各位|全体|全體|诸位|諸位)[\p{Script=Han}\u3001\u00B7\s\u3000]{6,44}(?:代表|委员|委員)$/v;

/** Who the author is, then the name: "青年学者杜鹏程", "青年企业家廖光朝", "基层干部  王明". */
const ROLE_WORDS = /(?:学者|學者|企业家|企業家|学生|學生|教师|教師|农民|農民|工人|医生|醫生|护士|護士|干部|幹部|党员|黨員|志愿者|志願者|村民|居民|作家|教授|研究员|研究員|律师|律師|村党支部书记|村黨支部書記|第一书记|第一書記|驻村干部|駐村幹部|网格员|網格員|快递员|快遞員|外卖骑手|外賣騎手|职工|職工|退役军人|退役軍人|教练员|教練員|运动员|運動員)[\s\u3000]*/gu;
function roleAndName(content: string): boolean {
  if (content.length > 24 || /[\uFF0C,\u3002\uFF1A:]/u.test(content)) return false;
  for (const role of content.matchAll(ROLE_WORDS)) {
    const end = role.index + role[0].length;
    if (role.index <= 10 && end < content.length && personNames(content.slice(end))) return true;
  }
  return false;
}

export function isByline(content: string): boolean {
  // (Contributors named before the staff reporter: "郭华平 黄晓平 本报记者 鄢朝晖".)
  const before = /^((?:[\p{Script=Han}·]{2,4}[\s\u3000]+){1,4})(?=(?:本报|本報|新华社|新華社|人民日报|人民日報)?(?:特约|特約)?(?:记者|記者))/v.exec(content);
  if (before && personNames(before[1]!.trim()) && isByline(content.slice(before[0].length))) return true;
  if (STAFF_BYLINE.test(content) || DEPUTY_BYLINE.test(content) || roleAndName(content) || roleAndName(unspacedNames(content))) return true;
  const edition = EDITION_TAIL.exec(content);
  if (edition && edition.index > 0) {
    const name = unspacedNames(content.slice(0, edition.index).trim());
    return BYLINE.test(name) || LABELLED_BYLINE.test(name) || BARE_NAME.test(name);
  }
  // (Names letter-spaced: "本报记者  常  明".)
  const names = unspacedNames(content);
  return BYLINE.test(content) || LABELLED_BYLINE.test(content) || (names !== content && BYLINE.test(names));
}

/** A column tag standing alone above a title: 【人民时评】, 今日谈. */
const COLUMN_TAG = /^(?:【[^【】]{1,16}】|[\[［][^\]］]{1,16}[\]］]|今日谈|人民时评|人民论坛|钟声|评论员观察|国际论坛|望海楼|新论|短评|时评)$/u;

export function isColumnTag(content: string): boolean {
  return COLUMN_TAG.test(content);
}

/** Words that name an addressee of a notice or a speech. */
const ADDRESSEE_END =
  /(?:们|們|家庭|居民|市民|群众|群眾|同胞|乡亲|鄉親|同志|委员|委員|代表|先生|女士|朋友|朋友们|机构|機構|单位|單位|政府|部门|部門|厅|廳|局|委|院|会|會|处|處|室|所|办|辦|公司|市|县|縣|区|區|省|组|組|党委|黨委|军区|軍區|武警部队|各位|大家)[：:]$/u;

/** "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "同志们：", "各位代表：". */
/** "北京市、天津市、……甘肃省人民政府，沈阳、北京……军区：": names of 20 characters or fewer, eight or more. */
function isNameList(content: string): boolean {
  const names = content.slice(0, -1).split(/[\u3001\uFF0C,]/u);
  return names.length >= 8 && names.every((name) => name.length >= 2 && name.length <= 20 && /^[\p{Script=Han}（）\(\)]+$/v.test(name));
}

export function isAddress(content: string): boolean {
  if (/^(?:受文者|受文單位|主送)[：:]/u.test(content)) return true;
  // A letter's or a submission's "致：……委員會" (to whom it is sent), the name after the colon.
  if (/^致[\s\u3000]*[：:][\s\u3000]*[^。！？!?；;]{2,60}$/u.test(content)) return true;
  if (!/[：:]$/u.test(content) || /[。！？!?；;]/u.test(content)) return false;
  // A form's blank for the addressee, with its instruction: "××××（被建议单位名称）：".
  if (/^[\u00D7\u25CB]{2,}(?:[(\uFF08][^()\uFF08\uFF09]{1,20}[)\uFF09])?[：:]$/u.test(content)) return true;
  // A long line is an addressee list only when it is one: many short names between 、 and ，.
  if (content.length > 90 && !isNameList(content)) return false;
  if (/(?:如下|以下|为|為|是|指出|表示|说|說)[：:]$/u.test(content)) return false;
  // (A sentence that introduces a list is no addressee, whatever it ends with: "……安排適用於以下……的指定醫療處所：".)
  if (/(?:以下|如下|下列)/u.test(content)) return false;
  // A decision's parties, the body and then the persons answerable: "江苏宝利……有限公司，周文彬、曹晔：".
  const persons = /^(.{4,40}?)[\uFF0C,]((?:[\p{Script=Han}·]{2,4}[\u3001])*[\p{Script=Han}·]{2,4})[：:]$/v.exec(content);
  if (persons && ADDRESSEE_END.test(`${persons[1]}\uFF1A`)) return true;
  return ADDRESSEE_END.test(content) || /^(?:尊敬的|亲爱的|親愛的|各位|各)/u.test(content);
}

/**
 * The attachment note after the body: "附件：1.…", "附件：应急救援专用号牌式样", or an order's
 * "附「行政院大陸委員會顧問遴聘辦法」一份。" naming what it attaches.
 */
export const ATTACHMENT_NOTE = /^附\s*件\s*[0-9\uFF10-\uFF19一二三四五六七八九十]*\s*[：:]|^附[\u300C\u300A][^\u300D\u300B]{2,60}[\u300D\u300B](?:及[\u300C\u300A][^\u300D\u300B]{2,60}[\u300D\u300B])*(?:一份|乙份|壹份|[0-9]+份)?[\u3002]?$/u;

/** The titles of the heads of organs, as they sign. */
const HEAD_TITLES = '(?:主任委員|主任委员|行政院長|行政院长|行政長官|行政长官|秘書長|秘书长|部長|部长|署長|署长|局長|局长|司長|司长|院長|院长|市長|市长|省長|省长|縣長|县长|區長|区长|主任|主席|總理|总理|總統|总统)';
/** The head of an organ signing an order or a letter: "主任委員吳釗燮", "部長　王○○". */
export const HEAD_OF_ORGAN = new RegExp(`^${HEAD_TITLES}[\\s\\u3000]*[\\p{Script=Han}○Ｏ〇]{2,4}$`, 'v');
/** A signer's office alone on its line, over or before the name: "行政法務司司長", "市长". */
export const OFFICE_ALONE = new RegExp(`^\\p{Script=Han}{0,12}?${HEAD_TITLES}$`, 'v');
/** An office and the name holding it: "市长曹勇", "行政長官 何厚鏵". */
export function officeAndName(content: string): boolean {
  if (HEAD_OF_ORGAN.test(content)) return true;
  if (content.length > 24 || !/^[\p{Script=Han}\s\u3000]+$/v.test(content)) return false;
  for (let at = 2; at < content.length - 1; at++) {
    if (OFFICE_ALONE.test(content.slice(0, at)) && personNames(content.slice(at).trim())) return true;
  }
  return false;
}
/** The formula of an order between its date and its signer: "命令公佈。" */
export const PROMULGATION = /^(?:命令公佈|命令公布|予以公佈|予以公布)[\u3002.]?$/u;

/** "附件" or "附件1" alone on a line, above an attachment's title. */
export const ATTACHMENT_LABEL = /^(?:附\s*件\s*[0-9\uFF10-\uFF19一二三四五六七八九十]*|附[：:]|附[录錄][：:]?)$/u;

/** A date standing alone (signature date, 成文日期), or a form's blank for one ("年  月  日", "××××年××月××日"). */
export const LONE_DATE = new RegExp(`^(?:${DATE}[\u3002.]?|[\\u00D7\\u25CB]{0,4}[\\s\\u3000]*年[\\s\\u3000]*[\\u00D7\\u25CB]{0,2}[\\s\\u3000]*月[\\s\\u3000]*[\\u00D7\\u25CB]{0,2}[\\s\\u3000]*日)$`, 'u');

/** The place of a seal over the signer in a form: "（院印）", "（公章）", "（单位盖章）". */
export const SEAL = /^[\(\uFF08][\p{Script=Han}]{0,4}[印章][\)\uFF09]$/v;

/** A judge or clerk signing a judgment: "审　判　长　　李广赟", "人民陪审员　　米亚荣", "书　记　员　　王艳锋". */
const COURT_SIGNER = /^(?:审判长|审判员|代理审判员|人民陪审员|陪审员|书记员|法官助理|審判長|審判員|陪審員|書記官|書記員|法官)[\p{Script=Han}·]{2,4}$/v;
/** A Macau court's rapporteur alone on a line over the name: "裁判書制作法官" / "宋敏莉". */
const RAPPORTEUR = /^(?:裁判書制作法官|裁判书制作法官|裁判書製作法官)$/u;
export const signedByRapporteur = (over: string, name: string): boolean => RAPPORTEUR.test(over) && /^[\p{Script=Han}·]{2,5}$/v.test(name);
export const isCourtSigner = (content: string): boolean => content.length <= 24 && COURT_SIGNER.test(content.replace(/[\s\u3000\u00A0]+/gu, ''));

/** A contact line: "联系人：×××", "聯絡人：王小明　電話：…". */
export const CONTACT = /^(?:联系人|聯繫人|联络人|聯絡人|联系电话|聯繫電話)[\s\u3000]*[\uFF1A:]/u;

/** Organs that sign: a short line ending in one of these is a signature when a date follows. */
const ORGAN_END =
  /(?:国务院|國務院|政府|办公厅|辦公廳|办公室|辦公室|委员会|委員會|人大常委会|部|局|司|院|厅|廳|署|委|会|會|中心|处|處|室|所|公司|法院|检察院|檢察院|小组|小組|组|組|村|镇|鎮|乡|鄉|总队|總隊|支队|支隊|调查队|調查隊|大队|大隊|中央|学者|學者|联合会|聯合會|协会|協會)$/u;

export function isSigner(content: string): boolean {
  if (content.length > 30 || /[，。；：！？,;:!?、]/u.test(content)) return false;
  // A letter's sender with its closing formula: "香港運輸物流業工會聯會 謹啟", "王立新敬上".
  const sender = LETTER_CLOSING.exec(content);
  if (sender) return ORGAN_END.test(sender[1]!.replace(/[\s\u3000]+/gu, '')) || personNames(sender[1]!.trim());
  return ORGAN_END.test(content.replace(/[\s\u3000]+/gu, ''));
}

/** The formula a letter signs off with, after the sender's name. */
const LETTER_CLOSING = /^(.+?)[\s\u3000]*(?:謹啟|谨启|敬啟|敬启|謹上|谨上|敬上|謹呈|谨呈|拜上)$/u;

/** End matter: copy-to, printed-by, credits. */
const RECORD =
  /^(?:[(（“]\s*)?(?:原文来源|原文來源|原文链接|原文鏈接|题图|題圖|投稿联系方式|投稿聯繫方式|投稿邮箱|投稿郵箱|编译|編譯|E-?[Mm]ail|抄送|抄報|抄报|正本|副本|印发|印發|分送|主送|责任编辑|責任編輯|编辑|編輯|校对|校對|制图|製圖|数据来源|數據來源|版式设计|版式設計|美术设计|美術設計|视觉设计|視覺設計|制表|製表|美编|美編|审核|審核|监制|監製|撰稿|供稿|来源|來源|本文来源|本文來源|原标题|原標題|记者|記者|本报记者|本報記者|新华社记者|新華社記者|文字|摄影|攝影|图片|圖片|相关报道|相關報導|相关阅读|相關閱讀|新聞聯絡人|新闻联络人|聯絡人|联络人|联系人|聯絡電話|联络电话|联系电话|聯繫電話|承辦人|承办人|承辦科長|承办科长|承辦單位|承办单位|發稿單位|发稿单位|發稿人|发稿人|電話|电话|傳真|传真|電子郵件|电子邮件)\s*[：:|｜]/u;

/** Credits as role and name pairs with gaps: "撰文 陈薇沁 责编 陈子文", "文 | 王明  摄影 | 李华". */
// (The first may be the paper's reporter: "新京报记者 苏季 校对 李铭".)
const CREDIT_PAIRS = /^(?:(?:撰文|文字|文|责编|責編|编辑|編輯|校对|校對|摄影|攝影|图|圖|视频|視頻|剪辑|剪輯|监制|監製|策划|策劃|[\p{Script=Han}]{0,6}(?:记者|記者))[\s\u3000\|｜]+[\p{Script=Han}·]{2,4}[\s\u3000]*){2,}$/v;

/** A copyright notice after the text: "本文系观察者网独家稿件，未经授权，不得转载。", "版權所有". */
const COPYRIGHT_NOTE = /(?:未经授权|未經授權|未经许可|未經許可)[\uFF0C,]?(?:不得|禁止|请勿|請勿|严禁|嚴禁)(?:转载|轉載)|^本文(?:系|為|为).{1,20}(?:独家|獨家|原创|原創)(?:稿件|作品)|^(?:版权所有|版權所有)|^本文由.{1,20}(?:编译|編譯|翻译|翻譯|整理)[\uFF0C,]\s*(?:不代表|仅代表|僅代表)|(?:转载|轉載)(?:请|請)注明/u;

/** "本报记者　王　五" standing alone at the end of a story: its credit. */
const CREDIT_LINE = /^(?:本报记者|本報記者|新华社记者|新華社記者|记者|記者|通讯员|通訊員)[\s\u3000]*[\p{Script=Han}·\s\u3000、]{2,24}$/v;

/** "（相关图表、注释见第六、七版）": where the rest of a page's matter is printed. */
const SEE_PAGE = /^[(\uFF08][^()\uFF08\uFF09]*见第?[0-9\uFF10-\uFF19一二三四五六七八九十、，,]+版[)\uFF09]$/u;

/**
 * Credits in brackets closing a story: the reporters ("（本报记者杜尚泽、申琳，新华社记者张晓松）"), the
 * source of a digest ("（摘编自《大众日报》）"), the editor ("（责编：王五）").
 */
const EDITOR_CREDIT = '(?:责编|責編|责任编辑|責任編輯|编辑|編輯|譯者|译者|核稿|記者|记者)[\\uFF1A:][^\\(\\)\\uFF08\\uFF09]{1,60}';
const BRACKETED_CREDIT = new RegExp(
  `^[\\(\\uFF08]\\s*(?:(?:[\\p{Script=Han}·・]{0,10}?)(?:特约|特約)?(?:记者|記者|通讯员|通訊員)[^\\(\\)\\uFF08\\uFF09]{2,80}|(?:摘编自|摘編自|摘自|转自|轉自|转载自|轉載自|原载|原載|原载于|原載於)[^\\(\\)\\uFF08\\uFF09]{1,60}|${EDITOR_CREDIT})[\\)\\uFF09]\\s*[0-9]{0,8}$`,
  'v',
);
/** An editor's credit glued to a story's last sentence: "……罰金。（編輯：李亨山）1120823". */
export const GLUED_CREDIT = new RegExp(`[(\\uFF08]${EDITOR_CREDIT}[)\\uFF09][\\s0-9]*$`, 'u');

/** "直播連結：https://…", "■明報報料熱線﹕inews@…": a link or a tip line closing a web story. */
/** "原文：http://…", "> 原文：http://…": a link, the page's furniture wherever it stands. */
export const LINK_LINE = /^(?:>\s*)?[\p{Script=Han}]{0,10}[\uFF1A:\uFE55]?\s*https?:\/\/\S+$/v;
/** A page's note on reading its PDF copy: "請使用Adobe Reader 7.0或以上閱讀PDF版本檔案。", "Get Adobe Reader". */
const READER_NOTE = /^(?:.{0,20}Adobe\s*(?:Acrobat\s*)?Reader.{0,30}|Get\s+Adobe\s+(?:Acrobat\s+)?Reader)$/u;

const TIP_LINE = /^[\u25A0\u25CF\u25C6\u25B2]?[\p{Script=Han}]{0,6}(?:報料熱線|报料热线|熱線|热线|報料|报料|爆料)[\p{Script=Han}]{0,4}[\uFF1A:\uFE55]/v;

/** "（作者为中国人民大学法学院教授）", "（作者系……）": the note on the author after a commentary. */
const AUTHOR_NOTE = /^[(\uFF08]\s*(?:作者|作者单位|作者單位)(?:为|為|系|是|单位|單位|[：:])[^()\uFF08\uFF09]{2,80}[)\uFF09]$/u;

export function isRecord(raw: string): boolean {
  // A label may be letter-spaced: "電     話：".
  const content = raw.replace(/(?<=^[\(\uFF08]?\p{Script=Han})[\s\u3000]+(?=\p{Script=Han}[\uFF1A:])/v, '');
  return CHROME.test(content) || webChrome(content) || BREADCRUMB.test(content) || RULE_LINE.test(content) || /^(?:完|（完）|\(完\)|-完-|—完—)$/u.test(content) || /^香港時間|^香港时间/u.test(content) || BRACKETED_WEEKDAY_DATE.test(content) || LINK_LINE.test(content) || TIP_LINE.test(content) || READER_NOTE.test(content) || COPYRIGHT_NOTE.test(content) || CREDIT_PAIRS.test(content) || RECORD.test(content) || TIMESTAMP.test(content) || PAGE_OF.test(content) || SEE_PAGE.test(content) || EDITION_LINE.test(content) || BRACKETED_CREDIT.test(content) || CREDIT_LINE.test(content) || AUTHOR_NOTE.test(content) || /^(?:[(（]\s*)?(?:责任编辑|責任編輯)/u.test(content);
}

/** "（本文有删减）", "（注：……）": a note in brackets after the text. */
const BRACKETED_NOTE = /^[(（]\s*(?:本文|此件|此文|注[：:]|注释|說明[：:]|说明[：:]|联系人|聯絡人|联系电话|聯絡電話|联系方式)[^()（）]*[)）]$/u;

/** A Taiwan judgment's notes under its bench: the copy certified, how to appeal ("以上正本證明與原本無異。", "如不服本判決……"). */
// (Taiwan's, in its own script: a mainland judgment's "如不服本判决，可在……上诉" is the body's last paragraph, over its bench.)
const JUDGMENT_NOTE = /^(?:以上正本證明與原本無異|對(?:本判決|本裁定)如不服|如不服本(?:判決|裁定)|本(?:判決|裁定)不得(?:上訴|抗告))/u;

export function isAnnotation(content: string): boolean {
  return (NOTE_TAGS.test(content) && !/摘要|全文/u.test(content)) || BRACKETED_NOTE.test(content) || JUDGMENT_NOTE.test(content);
}

/** The fields of a meeting's record, each alone on its line over its value ("時間" / "中華民國……"). */
export const MEETING_FIELD = /^(?:時間|时间|日期|地點|地点|主席|主持|主持人|出席|列席|缺席|請假|请假|記錄|记录|紀錄|纪录|出席人員|出席人员|列席人員|列席人员|出席委員|列席官員|請假委員|议题|議題|事由)$/u;

/** A label alone: a noun phrase of two to `max` Han characters and its colon, no verb that introduces what follows
 * ("報名資格：", "后勤保障部：", not "存在以下问题：" or "要求："). */
const labelsAlone = new Map<number, RegExp>();
export function labelAlone(content: string, max: number): boolean {
  let pattern = labelsAlone.get(max);
  if (!pattern) labelsAlone.set(max, (pattern = new RegExp(`^(?![^\uFF1A:]*(?:如下|以下|下列|为|為|是|有|指出|表示|说|說|要求|包括))[\\p{Script=Han}]{2,${max}}[\uFF1A:]$`, 'v')));
  return pattern.test(content);
}

/** Labels of boxes and asides inside a story: heads of a passage, never titles of a new article. */
export const BOX_LABEL =
  /^(?:摘[\s\u3000]*要|核心阅读|核心閱讀|记者手记|記者手記|链接|鏈接|相关链接|相關連結|延伸阅读|延伸閱讀|短评|短評|点评|點評|背景|背景链接|编后|編後|编后记|编者按|編者按|小贴士|小貼士|数说|數說|评论员手记|记者观察|記者觀察|新闻链接|新聞鏈接|知识链接|名词解释|名詞解釋|资料来源|資料來源|数据来源|數據來源|註|注|注释|註釋|附注|附註)[\uFF1A:]?$/u;

/** The labelled sections of a Taiwan 公文 and a decision: "主旨：", "說明：", "辦法：", "依據：". */
// (A gazette letter-spaces them: "主　　旨：", "依　　據：".)
const SECTION_WORDS = ['主旨', '要旨', '要點', '要点', '主文', '案由', '說明', '说明', '辦法', '办法', '依據', '依据', '公告事項', '公告事项', '擬辦', '拟办', '決定', '决定', '決議', '决议', '備註', '备注', '理由', '事實', '事实', '問題', '问题', '答覆', '答复', '解釋文', '解释文', '理由書', '理由书', '摘要', '关键词', '關鍵詞', '关键字', '關鍵字'];
export const SECTION_LABEL = new RegExp(`^(?:${SECTION_WORDS.map((word) => [...word].join('[\\s\\u3000]*')).join('|')})[\\s\\u3000]*[\uFF1A:]`, 'u');

/** A letterhead under a title: "臺南市政府　公告" (the organ, a gap, the kind of document). */
export const LETTERHEAD = /^[\p{Script=Han}]{2,16}(?:政府|公所|院|部|局|署|處|处|會|会|辦公室|办公室)[\s\u3000]+(?:公告|函|令|通知|通告|書函|书函)$/v;

/** A caption left at the end of a web text, where its picture stood: "圖一、認養專車駐點". */
export const END_CAPTION = /^[图圖][0-9\uFF10-\uFF19一二三四五六七八九十]+[、.．：:\s\u3000]/u;
