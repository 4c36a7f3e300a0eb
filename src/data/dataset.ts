// The shipped dataset: measures (orders, laws, state lists) and the entities they name.
// One file per jurisdiction in ./measures/ (us-federal, each state, each country) and one per corporate group in ./entities/
// (a company and the apps it makes); every file is listed below, and a test checks that
// no file in those folders is left out. Facts and sources: the pages cited in each record.
// Validated by ./validate.ts in tests (tests/unit/dataset.test.ts) and at build time.
import type { Dataset, Entity, Measure } from './schema';
import usFederal from './measures/us-federal.json';
import texas from './measures/texas.json';
import ohio from './measures/ohio.json';
import virginia from './measures/virginia.json';
import alabama from './measures/alabama.json';
import alaska from './measures/alaska.json';
import arizona from './measures/arizona.json';
import arkansas from './measures/arkansas.json';
import delaware from './measures/delaware.json';
import florida from './measures/florida.json';
import georgia from './measures/georgia.json';
import idaho from './measures/idaho.json';
import indiana from './measures/indiana.json';
import iowa from './measures/iowa.json';
import kansas from './measures/kansas.json';
import kentucky from './measures/kentucky.json';
import louisiana from './measures/louisiana.json';
import maine from './measures/maine.json';
import maryland from './measures/maryland.json';
import montana from './measures/montana.json';
import nebraska from './measures/nebraska.json';
import newJersey from './measures/new-jersey.json';
import newYork from './measures/new-york.json';
import northCarolina from './measures/north-carolina.json';
import northDakota from './measures/north-dakota.json';
import oklahoma from './measures/oklahoma.json';
import southCarolina from './measures/south-carolina.json';
import southDakota from './measures/south-dakota.json';
import tennessee from './measures/tennessee.json';
import utah from './measures/utah.json';
import wisconsin from './measures/wisconsin.json';
import michigan from './measures/michigan.json';
import mississippi from './measures/mississippi.json';
import nevada from './measures/nevada.json';
import newHampshire from './measures/new-hampshire.json';
import oregon from './measures/oregon.json';
import pennsylvania from './measures/pennsylvania.json';
import vermont from './measures/vermont.json';
import westVirginia from './measures/west-virginia.json';
import wyoming from './measures/wyoming.json';
import usFederalProcurement from './measures/us-federal-procurement.json';
import india from './measures/india.json';
import canada from './measures/canada.json';
import unitedKingdom from './measures/united-kingdom.json';
import europeanUnion from './measures/european-union.json';
import australia from './measures/australia.json';
import taiwan from './measures/taiwan.json';
import italy from './measures/italy.json';
import southKorea from './measures/south-korea.json';
import czechRepublic from './measures/czech-republic.json';
import antGroup from './entities/ant-group.json';
import intsig from './entities/intsig.json';
import tencent from './entities/tencent.json';
import smartMedia4u from './entities/smart-media4u.json';
import alibaba from './entities/alibaba.json';
import kingsoftOffice from './entities/kingsoft-office.json';
import bytedance from './entities/bytedance.json';
import kaspersky from './entities/kaspersky.json';
import xingyin from './entities/xingyin.json';
import deepseek from './entities/deepseek.json';
import webull from './entities/webull.json';
import futu from './entities/futu.json';
import upFintech from './entities/up-fintech.json';
import baidu from './entities/baidu.json';
import xiaomi from './entities/xiaomi.json';
import tpLink from './entities/tp-link.json';
import shein from './entities/shein.json';
import pdd from './entities/pdd.json';
import huawei from './entities/huawei.json';
import zte from './entities/zte.json';
import hytera from './entities/hytera.json';
import hikvision from './entities/hikvision.json';
import dahua from './entities/dahua.json';
import dji from './entities/dji.json';
import sensetime from './entities/sensetime.json';
import megvii from './entities/megvii.json';
import cloudwalk from './entities/cloudwalk.json';
import autel from './entities/autel.json';
import catl from './entities/catl.json';
import geosun from './entities/geosun.json';
import yitu from './entities/yitu.json';
import iflytek from './entities/iflytek.json';
import uniview from './entities/uniview.json';
import zhipu from './entities/zhipu.json';
import baai from './entities/baai.json';
import gotion from './entities/gotion.json';
import robosense from './entities/robosense.json';
import hisense from './entities/hisense.json';
import tcl from './entities/tcl.json';
import baichuan from './entities/baichuan.json';
import stepfun from './entities/stepfun.json';
import minimax from './entities/minimax.json';
import moonshotAi from './entities/moonshot-ai.json';
import nuctech from './entities/nuctech.json';
import manus from './entities/manus.json';

/** File name (without .json) → contents, in the order the dataset lists them. */
export const MEASURE_FILES: Record<string, unknown[]> = {
  'us-federal': usFederal,
  texas,
  ohio,
  virginia,
  alabama,
  alaska,
  arizona,
  arkansas,
  delaware,
  florida,
  georgia,
  idaho,
  indiana,
  iowa,
  kansas,
  kentucky,
  louisiana,
  maine,
  maryland,
  montana,
  nebraska,
  'new-jersey': newJersey,
  'new-york': newYork,
  'north-carolina': northCarolina,
  'north-dakota': northDakota,
  oklahoma,
  'south-carolina': southCarolina,
  'south-dakota': southDakota,
  tennessee,
  utah,
  wisconsin,
  michigan,
  mississippi,
  nevada,
  'new-hampshire': newHampshire,
  oregon,
  pennsylvania,
  vermont,
  'west-virginia': westVirginia,
  wyoming,
  'us-federal-procurement': usFederalProcurement,
  india,
  canada,
  'united-kingdom': unitedKingdom,
  'european-union': europeanUnion,
  australia,
  taiwan,
  italy,
  'south-korea': southKorea,
  'czech-republic': czechRepublic,
};
export const ENTITY_FILES: Record<string, unknown[]> = {
  'ant-group': antGroup,
  intsig,
  tencent,
  'smart-media4u': smartMedia4u,
  alibaba,
  'kingsoft-office': kingsoftOffice,
  bytedance,
  kaspersky,
  xingyin,
  deepseek,
  webull,
  futu,
  'up-fintech': upFintech,
  baidu,
  xiaomi,
  'tp-link': tpLink,
  shein,
  pdd,
  huawei,
  zte,
  hytera,
  hikvision,
  dahua,
  dji,
  sensetime,
  megvii,
  cloudwalk,
  autel,
  catl,
  geosun,
  yitu,
  iflytek,
  uniview,
  zhipu,
  baai,
  gotion,
  robosense,
  hisense,
  tcl,
  baichuan,
  stepfun,
  minimax,
  'moonshot-ai': moonshotAi,
  nuctech,
  manus,
};

const allEntities = Object.values(ENTITY_FILES).flat() as Entity[];

export const dataset: Dataset = {
  /** Facts checked against the reference's late-2026 state; statuses are computed as of this date. */
  asOf: '2026-11-01',
  measures: Object.values(MEASURE_FILES).flat() as Measure[],
  // Companies first, then apps and features (each group in file order).
  entities: [...allEntities.filter((e) => e.kind === 'company'), ...allEntities.filter((e) => e.kind !== 'company')],
};

export default dataset;
