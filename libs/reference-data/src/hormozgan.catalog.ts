// Demo reference data for Hormozgan province: its 13 counties, the agencies that answer requests, and
// subject categories with response deadlines (working days). Routing seeds its rules from this file;
// intake validates and serves it at GET /api/catalog.

export interface County {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface Agency {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface Category {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly deadlineDays: number;
  /** The agency that answers in every county unless a county rule says otherwise; none means manual routing. */
  readonly defaultAgency?: string;
  /** The priority an operator starts from (absent: `normal`); critical is danger to life or property. */
  readonly defaultPriority?: 'normal' | 'urgent' | 'critical';
}

export const counties: readonly County[] = [
  { code: 'BND', nameFa: 'بندرعباس', nameEn: 'Bandar Abbas' },
  { code: 'MIN', nameFa: 'میناب', nameEn: 'Minab' },
  { code: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' },
  { code: 'BLG', nameFa: 'بندر لنگه', nameEn: 'Bandar Lengeh' },
  { code: 'JSK', nameFa: 'جاسک', nameEn: 'Jask' },
  { code: 'RDN', nameFa: 'رودان', nameEn: 'Rudan' },
  { code: 'HJB', nameFa: 'حاجی‌آباد', nameEn: 'Hajiabad' },
  { code: 'BSK', nameFa: 'بستک', nameEn: 'Bastak' },
  { code: 'PRS', nameFa: 'پارسیان', nameEn: 'Parsian' },
  { code: 'KHM', nameFa: 'خمیر', nameEn: 'Khamir' },
  { code: 'SRK', nameFa: 'سیریک', nameEn: 'Sirik' },
  { code: 'BSG', nameFa: 'بشاگرد', nameEn: 'Bashagard' },
  { code: 'ABM', nameFa: 'ابوموسی', nameEn: 'Abumusa' },
];

export const agencies: readonly Agency[] = [
  {
    code: 'ABFA',
    nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
    nameEn: 'Provincial Water and Wastewater Company',
  },
  {
    code: 'BARGH',
    nameFa: 'شرکت توزیع نیروی برق هرمزگان',
    nameEn: 'Hormozgan Electricity Distribution Company',
  },
  { code: 'GAS', nameFa: 'شرکت گاز استان هرمزگان', nameEn: 'Provincial Gas Company' },
  { code: 'SHAHRDARI', nameFa: 'شهرداری', nameEn: 'Municipality' },
  { code: 'RAH', nameFa: 'اداره کل راه و شهرسازی', nameEn: 'Roads and Urban Development' },
  { code: 'AMOOZESH', nameFa: 'اداره کل آموزش و پرورش', nameEn: 'Education Department' },
  {
    code: 'BEHDASHT',
    nameFa: 'دانشگاه علوم پزشکی هرمزگان',
    nameEn: 'Hormozgan University of Medical Sciences',
  },
  { code: 'BEHZISTI', nameFa: 'اداره کل بهزیستی', nameEn: 'Welfare Organisation' },
  {
    code: 'KAR',
    nameFa: 'اداره کل تعاون، کار و رفاه اجتماعی',
    nameEn: 'Cooperatives, Labour and Social Welfare',
  },
  { code: 'JAHAD', nameFa: 'سازمان جهاد کشاورزی', nameEn: 'Agriculture Jihad Organisation' },
  { code: 'MASKAN', nameFa: 'بنیاد مسکن انقلاب اسلامی', nameEn: 'Housing Foundation' },
  { code: 'MOHIT', nameFa: 'اداره کل حفاظت محیط زیست', nameEn: 'Environmental Protection' },
  { code: 'MOKHABERAT', nameFa: 'شرکت مخابرات منطقه هرمزگان', nameEn: 'Hormozgan Telecommunication Company' },
  { code: 'QFZ', nameFa: 'سازمان منطقه آزاد قشم', nameEn: 'Qeshm Free Zone Organisation' },
  { code: 'OSTANDARI', nameFa: 'استانداری هرمزگان', nameEn: "Governor's Office" },
];

export const categories: readonly Category[] = [
  { code: 'WAT-CUT', nameFa: 'قطعی آب', nameEn: 'Water outage', deadlineDays: 3, defaultAgency: 'ABFA' },
  {
    code: 'WAT-LEAK',
    nameFa: 'نشت لوله آب',
    nameEn: 'Water main leak',
    deadlineDays: 2,
    defaultAgency: 'ABFA',
    defaultPriority: 'urgent',
  },
  { code: 'WAT-SEWER', nameFa: 'فاضلاب', nameEn: 'Sewerage', deadlineDays: 5, defaultAgency: 'ABFA' },
  { code: 'WAT-BILL', nameFa: 'قبض آب', nameEn: 'Water bill', deadlineDays: 10, defaultAgency: 'ABFA' },
  { code: 'PWR-CUT', nameFa: 'قطعی برق', nameEn: 'Power outage', deadlineDays: 2, defaultAgency: 'BARGH' },
  {
    code: 'PWR-HAZARD',
    nameFa: 'تیر و سیم برق خطرناک',
    nameEn: 'Dangerous power line',
    deadlineDays: 1,
    defaultAgency: 'BARGH',
    defaultPriority: 'critical',
  },
  {
    code: 'PWR-BILL',
    nameFa: 'قبض برق',
    nameEn: 'Electricity bill',
    deadlineDays: 10,
    defaultAgency: 'BARGH',
  },
  {
    code: 'PWR-CONN',
    nameFa: 'انشعاب برق',
    nameEn: 'Electricity connection',
    deadlineDays: 15,
    defaultAgency: 'BARGH',
  },
  {
    code: 'GAS-CONN',
    nameFa: 'انشعاب گاز',
    nameEn: 'Gas connection',
    deadlineDays: 15,
    defaultAgency: 'GAS',
  },
  {
    code: 'GAS-LEAK',
    nameFa: 'بوی گاز',
    nameEn: 'Gas smell',
    deadlineDays: 1,
    defaultAgency: 'GAS',
    defaultPriority: 'critical',
  },
  {
    code: 'MUN-WASTE',
    nameFa: 'جمع‌آوری زباله',
    nameEn: 'Waste collection',
    deadlineDays: 3,
    defaultAgency: 'SHAHRDARI',
  },
  {
    code: 'MUN-STREET',
    nameFa: 'معابر شهری',
    nameEn: 'Streets and pavements',
    deadlineDays: 10,
    defaultAgency: 'SHAHRDARI',
  },
  {
    code: 'MUN-LIGHT',
    nameFa: 'روشنایی معابر',
    nameEn: 'Street lighting',
    deadlineDays: 7,
    defaultAgency: 'SHAHRDARI',
  },
  {
    code: 'MUN-PERMIT',
    nameFa: 'پروانه ساختمانی',
    nameEn: 'Building permit',
    deadlineDays: 20,
    defaultAgency: 'SHAHRDARI',
  },
  {
    code: 'ROAD-REPAIR',
    nameFa: 'تعمیر جاده',
    nameEn: 'Road repair',
    deadlineDays: 20,
    defaultAgency: 'RAH',
  },
  { code: 'ROAD-RURAL', nameFa: 'راه روستایی', nameEn: 'Rural road', deadlineDays: 30, defaultAgency: 'RAH' },
  {
    code: 'EDU-SCHOOL',
    nameFa: 'مدرسه و فضای آموزشی',
    nameEn: 'Schools and buildings',
    deadlineDays: 15,
    defaultAgency: 'AMOOZESH',
  },
  {
    code: 'EDU-STAFF',
    nameFa: 'امور فرهنگیان',
    nameEn: 'Teachers’ affairs',
    deadlineDays: 15,
    defaultAgency: 'AMOOZESH',
  },
  {
    code: 'HLT-HOSP',
    nameFa: 'بیمارستان و درمان',
    nameEn: 'Hospitals and treatment',
    deadlineDays: 7,
    defaultAgency: 'BEHDASHT',
  },
  { code: 'HLT-PHARM', nameFa: 'دارو', nameEn: 'Medicines', deadlineDays: 5, defaultAgency: 'BEHDASHT' },
  {
    code: 'WEL-DISAB',
    nameFa: 'امور معلولان',
    nameEn: 'Disability support',
    deadlineDays: 10,
    defaultAgency: 'BEHZISTI',
  },
  {
    code: 'WEL-PENSION',
    nameFa: 'مستمری و حمایت',
    nameEn: 'Allowances and support',
    deadlineDays: 10,
    defaultAgency: 'BEHZISTI',
  },
  { code: 'LAB-JOBS', nameFa: 'اشتغال', nameEn: 'Employment', deadlineDays: 20, defaultAgency: 'KAR' },
  {
    code: 'LAB-WAGES',
    nameFa: 'حقوق معوق کارگران',
    nameEn: 'Unpaid wages',
    deadlineDays: 10,
    defaultAgency: 'KAR',
  },
  { code: 'AGR-FISH', nameFa: 'صیادی و شیلات', nameEn: 'Fishing', deadlineDays: 15, defaultAgency: 'JAHAD' },
  {
    code: 'AGR-FARM',
    nameFa: 'کشاورزی و آب کشاورزی',
    nameEn: 'Farming and irrigation',
    deadlineDays: 15,
    defaultAgency: 'JAHAD',
  },
  {
    code: 'HSG-RURAL',
    nameFa: 'مسکن روستایی',
    nameEn: 'Rural housing',
    deadlineDays: 20,
    defaultAgency: 'MASKAN',
  },
  {
    code: 'HSG-DISASTER',
    nameFa: 'خسارت سیل و زلزله',
    nameEn: 'Flood and earthquake damage',
    deadlineDays: 7,
    defaultAgency: 'MASKAN',
  },
  {
    code: 'ENV-POLLUTION',
    nameFa: 'آلودگی محیط زیست',
    nameEn: 'Pollution',
    deadlineDays: 10,
    defaultAgency: 'MOHIT',
  },
  {
    code: 'ENV-MANGROVE',
    nameFa: 'جنگل‌های حرا و سواحل',
    nameEn: 'Mangroves and coasts',
    deadlineDays: 15,
    defaultAgency: 'MOHIT',
  },
  {
    code: 'TEL-NET',
    nameFa: 'اینترنت و تلفن',
    nameEn: 'Internet and telephone',
    deadlineDays: 7,
    defaultAgency: 'MOKHABERAT',
  },
  {
    code: 'GEN-STAFF',
    nameFa: 'شکایت از کارمند دولت',
    nameEn: 'Complaint about an official',
    deadlineDays: 10,
    defaultAgency: 'OSTANDARI',
  },
  // No rule on purpose: these need a person to decide who answers.
  { code: 'GEN-OTHER', nameFa: 'سایر موضوعات', nameEn: 'Other subjects', deadlineDays: 10 },
];

/** County-specific exceptions to a category's default agency. */
export const countyRules: readonly { categoryCode: string; countyCode: string; agencyCode: string }[] = [
  // On Qeshm island the free-zone organisation does the municipality's work.
  { categoryCode: 'MUN-WASTE', countyCode: 'QSM', agencyCode: 'QFZ' },
  { categoryCode: 'MUN-STREET', countyCode: 'QSM', agencyCode: 'QFZ' },
  { categoryCode: 'MUN-PERMIT', countyCode: 'QSM', agencyCode: 'QFZ' },
];

/** The category's default priority (reference data); `normal` for one without, or an unknown code. */
export const defaultPriorityOf = (categoryCode: string): 'normal' | 'urgent' | 'critical' =>
  categories.find((c) => c.code === categoryCode)?.defaultPriority ?? 'normal';
