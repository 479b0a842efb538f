import type { Format } from '../catalog/model.js';

/**
 * Word lists for the generated catalogue: what the shelves of a city network in East Kalimantan hold.
 * Titles are built from families (a DDC class, a language, who reads it, a title pattern); the mix of
 * families, like a real union catalogue, makes a few words very common ("Sejarah", "Pendidikan", "Kelas")
 * and most rare. Names and publishers are common Indonesian ones; no real person is described.
 */

export type Audience = 'children' | 'school-sd' | 'school-smp' | 'school-sma' | 'school-smk' | 'academic' | 'technical' | 'general' | 'islamic';

export interface TitleFamily {
  /** DDC number as catalogued: '510', '899.221 3', '2X4.1'. */
  classification: string;
  language: 'ind' | 'eng' | 'ara' | 'jav';
  audience: Audience;
  weight: number;
  format?: Format;
  /** Title pattern: `{list}` slots are filled from `lists`. */
  titles: string[];
  subjects: string[];
  /** Every copy is for use in the library only (dictionaries, encyclopedias, atlases). */
  referenceOnly?: boolean;
}

export const lists: Record<string, string[]> = {
  kelas: ['1', '2', '3', '4', '5', '6', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'],
  smaKelas: ['X', 'XI', 'XII'],
  smpKelas: ['VII', 'VIII', 'IX'],
  sdKelas: ['1', '2', '3', '4', '5', '6'],
  mapel: ['Matematika', 'Bahasa Indonesia', 'Bahasa Inggris', 'Ilmu Pengetahuan Alam', 'Ilmu Pengetahuan Sosial',
    'Pendidikan Pancasila', 'Seni Budaya', 'Pendidikan Jasmani', 'Prakarya', 'Informatika', 'Sejarah Indonesia'],
  daerah: ['Kalimantan Timur', 'Bontang', 'Kutai', 'Samarinda', 'Berau', 'Kalimantan', 'Sulawesi', 'Jawa Barat',
    'Sumatra Barat', 'Bali', 'Papua', 'Nusa Tenggara', 'Maluku', 'Aceh', 'Banjar', 'Minangkabau', 'Bugis'],
  hewan: ['Orangutan', 'Pesut Mahakam', 'Burung Enggang', 'Penyu', 'Kupu-kupu', 'Dinosaurus', 'Ikan Laut', 'Gajah',
    'Harimau', 'Kucing', 'Lebah', 'Semut', 'Bekantan', 'Buaya', 'Lumba-lumba'],
  sains: ['Fisika', 'Kimia', 'Biologi', 'Matematika', 'Statistika', 'Astronomi', 'Geologi', 'Ekologi'],
  science: ['Physics', 'Chemistry', 'Biology', 'Mathematics', 'Statistics', 'Astronomy', 'Geology', 'Ecology'],
  teknik: ['Kimia', 'Mesin', 'Elektro', 'Sipil', 'Industri', 'Lingkungan', 'Instrumentasi', 'Perminyakan'],
  engineering: ['Chemical Engineering', 'Process Control', 'Heat Transfer', 'Fluid Mechanics', 'Corrosion',
    'Natural Gas Processing', 'Ammonia Production', 'Industrial Safety', 'Instrumentation'],
  industri: ['Pupuk', 'Amonia', 'Urea', 'Gas Alam Cair', 'Petrokimia', 'Minyak dan Gas Bumi', 'Batu Bara', 'Kelapa Sawit'],
  tanaman: ['Padi', 'Jagung', 'Cabai', 'Tomat', 'Kelapa Sawit', 'Lada', 'Pisang', 'Sayuran Hidroponik', 'Jamur Tiram', 'Anggrek'],
  ternak: ['Ayam Kampung', 'Lele', 'Nila', 'Kambing', 'Sapi', 'Bebek', 'Udang Vaname', 'Rumput Laut'],
  masakan: ['Nusantara', 'Kalimantan', 'Padang', 'Jawa', 'Sehari-hari', 'Anak Sekolah', 'Sehat', 'Tradisional'],
  fiqh: ['Shalat', 'Puasa', 'Zakat', 'Haji dan Umrah', 'Muamalah', 'Waris', 'Thaharah', 'Pernikahan', 'Jual Beli'],
  surah: ['Al-Fatihah', 'Yasin', 'Al-Kahfi', 'Al-Mulk', 'Juz Amma', 'Al-Baqarah', 'Ar-Rahman', 'Al-Waqiah'],
  tokohIslam: ['Nabi Muhammad', 'Khulafaur Rasyidin', 'Umar bin Khattab', 'Imam Syafii', 'Wali Songo', 'Khadijah',
    'Ali bin Abi Thalib', 'Salahuddin Al-Ayyubi'],
  akhlak: ['Remaja Muslim', 'Anak Saleh', 'Keluarga Sakinah', 'Muslimah', 'Pelajar'],
  sosial: ['Ekonomi', 'Sosiologi', 'Antropologi', 'Ilmu Politik', 'Hukum Tata Negara', 'Administrasi Publik',
    'Akuntansi', 'Manajemen', 'Ilmu Komunikasi', 'Pendidikan'],
  social: ['Economics', 'Sociology', 'Political Science', 'Public Administration', 'Accounting', 'Management',
    'Communication', 'Education'],
  hukum: ['Perdata', 'Pidana', 'Ketenagakerjaan', 'Lingkungan', 'Pertanahan', 'Perkawinan', 'Perlindungan Anak', 'Pajak'],
  perusahaan: ['Kaltim Amonia', 'Gas Alam Bontang', 'Pelabuhan Loktuan', 'Koperasi Karyawan', 'Bank Daerah', 'PDAM Bontang'],
  analisis: ['Analisis', 'Pengaruh', 'Evaluasi', 'Perancangan', 'Studi Kasus', 'Optimasi', 'Implementasi'],
  topikSkripsi: ['Kinerja Karyawan', 'Efisiensi Energi', 'Kualitas Air Limbah', 'Sistem Informasi Persediaan',
    'Keselamatan Kerja', 'Kepuasan Pelanggan', 'Pengendalian Korosi', 'Perawatan Kompresor', 'Emisi Amonia'],
  bahasa: ['Inggris', 'Arab', 'Jepang', 'Mandarin', 'Jerman', 'Korea', 'Indonesia', 'Banjar', 'Jawa'],
  software: ['Microsoft Excel', 'Microsoft Word', 'Python', 'Java', 'PHP dan MySQL', 'Android', 'Linux', 'Canva',
    'Desain Grafis', 'Jaringan Komputer', 'Kecerdasan Buatan', 'Keamanan Siber'],
  programming: ['Python', 'JavaScript', 'Java', 'Data Science', 'Machine Learning', 'Web Development', 'Databases',
    'Computer Networks', 'Algorithms'],
  seni: ['Tari', 'Musik', 'Batik', 'Lukis', 'Kriya', 'Teater', 'Fotografi', 'Kaligrafi', 'Anyaman'],
  olahraga: ['Sepak Bola', 'Bulu Tangkis', 'Bola Voli', 'Renang', 'Pencak Silat', 'Atletik', 'Catur', 'Futsal'],
  sifat: ['Hujan', 'Senja', 'Rindu', 'Pelangi', 'Matahari', 'Bulan', 'Lautan', 'Angin', 'Bintang', 'Sungai',
    'Hutan', 'Kabut', 'Pagi', 'Malam', 'Ombak', 'Cahaya', 'Janji', 'Mimpi', 'Perahu', 'Layang-layang', 'Embun',
    'Kopi', 'Jembatan', 'Rumah', 'Surat', 'Kunang-kunang', 'Musim', 'Pulang', 'Rantau', 'Doa'],
  tempat: ['Mahakam', 'Bontang', 'Tanjung Laut', 'Kampung Nelayan', 'Kota Tua', 'Pulau Beras Basah', 'Jakarta',
    'Yogyakarta', 'Perbatasan', 'Tepi Sungai', 'Pesantren', 'Sekolah Kami', 'Ujung Jalan', 'Dermaga'],
  orang: ['Gadis', 'Lelaki', 'Perempuan', 'Anak', 'Nelayan', 'Guru', 'Pengembara', 'Sahabat', 'Ibu', 'Ayah',
    'Petani', 'Penjaga Mercusuar'],
  englishNoun: ['River', 'Garden', 'Island', 'Lighthouse', 'Storm', 'Secret', 'Letter', 'Journey', 'Forest',
    'Kingdom', 'Promise', 'Harbour', 'Mountain', 'Winter', 'Silence', 'Dream'],
  englishAdj: ['Last', 'Silent', 'Hidden', 'Lost', 'Golden', 'Broken', 'Quiet', 'Wild', 'Forgotten', 'Little', 'Distant'],
  negara: ['Indonesia', 'Asia Tenggara', 'Dunia', 'Jepang', 'Timur Tengah', 'Eropa', 'Nusantara', 'Belanda'],
  era: ['Kerajaan Kutai Kartanegara', 'Kerajaan Majapahit', 'Kerajaan Sriwijaya', 'Masa Kolonial',
    'Pergerakan Nasional', 'Revolusi Kemerdekaan', 'Orde Baru', 'Reformasi', 'Perang Dunia II'],
  tokoh: ['Soekarno', 'Mohammad Hatta', 'R.A. Kartini', 'Ki Hajar Dewantara', 'Cut Nyak Dhien', 'B.J. Habibie',
    'Sultan Aji Muhammad Idris', 'Jenderal Sudirman', 'Dewi Sartika', 'Abdul Muis'],
  kesehatan: ['Gizi Anak', 'Kesehatan Reproduksi Remaja', 'Pencegahan Demam Berdarah', 'Pertolongan Pertama',
    'Kesehatan Gigi', 'Diabetes', 'Hipertensi', 'Kesehatan Mental', 'ASI Eksklusif', 'Stunting'],
  filsafat: ['Filsafat Ilmu', 'Etika', 'Logika', 'Filsafat Pancasila', 'Psikologi Perkembangan', 'Psikologi Pendidikan',
    'Psikologi Sosial', 'Kecerdasan Emosional'],
  dongeng: ['Si Kancil', 'Malin Kundang', 'Timun Mas', 'Bawang Merah Bawang Putih', 'Lutung Kasarung',
    'Danau Toba', 'Asal Usul Kota Bontang', 'Putri Karang Melenu', 'Sangkuriang', 'Roro Jonggrang'],
  agamaLain: ['Kristen', 'Katolik', 'Hindu', 'Buddha', 'Konghucu'],
  volume: ['', '', '', ' Jilid 1', ' Jilid 2', ' Jilid 3', ' Edisi Revisi', ' Edisi Kedua'],
  volumeEn: ['', '', '', ', Volume 1', ', Volume 2', ', Second Edition', ', Third Edition'],
};

const f = (family: TitleFamily) => family;

export const families: TitleFamily[] = [
  // 000 Karya Umum: computing, reference, libraries
  f({ classification: '005.1', language: 'ind', audience: 'general', weight: 5, titles: ['Belajar {software} untuk Pemula', 'Panduan Praktis {software}', 'Mahir {software} dalam 7 Hari{volume}'], subjects: ['Komputer', 'Pemrograman'] }),
  f({ classification: '005.1', language: 'eng', audience: 'academic', weight: 3, titles: ['Introduction to {programming}{volumeEn}', 'Practical {programming}', '{programming}: A Beginner\'s Guide'], subjects: ['Computer programming'] }),
  f({ classification: '030', language: 'ind', audience: 'children', weight: 2, referenceOnly: true, titles: ['Ensiklopedia {hewan} untuk Anak', 'Ensiklopedia Sains {sains} Junior', 'Ensiklopedia Nusantara: {daerah}'], subjects: ['Ensiklopedia'] }),
  f({ classification: '020', language: 'ind', audience: 'general', weight: 1, titles: ['Pengantar Ilmu Perpustakaan', 'Pengelolaan Perpustakaan Sekolah{volume}', 'Literasi Informasi di {daerah}'], subjects: ['Perpustakaan', 'Literasi'] }),
  // 100 Filsafat & Psikologi
  f({ classification: '150', language: 'ind', audience: 'academic', weight: 3, titles: ['{filsafat}{volume}', 'Pengantar {filsafat}', 'Memahami {filsafat}'], subjects: ['Psikologi', 'Filsafat'] }),
  f({ classification: '158.1', language: 'ind', audience: 'general', weight: 3, titles: ['Berdamai dengan {sifat}', 'Seni Menjadi {orang} yang Bahagia', 'Mengenal Diri Lewat {sifat}'], subjects: ['Pengembangan diri'] }),
  f({ classification: '158.1', language: 'eng', audience: 'general', weight: 1, titles: ['The Power of {englishNoun}', 'The {englishAdj} Habit'], subjects: ['Self-help'] }),
  // 200 Agama, the Islamic notation 2X and other religions
  f({ classification: '2X1.3', language: 'ind', audience: 'islamic', weight: 4, titles: ['Tafsir Surah {surah}', 'Tafsir {surah} untuk Keluarga', 'Memahami Makna {surah}'], subjects: ["Al-Qur'an", 'Tafsir'] }),
  f({ classification: '2X1.4', language: 'ara', audience: 'islamic', weight: 1, titles: ["Al-Qur'an dan Terjemahnya{volume}", "Mushaf Al-Qur'an Tajwid"], subjects: ["Al-Qur'an"], referenceOnly: true }),
  f({ classification: '2X2.1', language: 'ind', audience: 'islamic', weight: 2, titles: ['Kumpulan Hadis tentang {fiqh}', 'Hadis Pilihan untuk {akhlak}', 'Syarah Hadis Arbain'], subjects: ['Hadis'] }),
  f({ classification: '2X4.1', language: 'ind', audience: 'islamic', weight: 4, titles: ['Fiqih {fiqh}', 'Panduan {fiqh} Sesuai Sunnah', 'Tuntunan {fiqh} Praktis{volume}'], subjects: ['Fiqih', 'Ibadah'] }),
  f({ classification: '2X5', language: 'ind', audience: 'islamic', weight: 2, titles: ['Akhlak {akhlak}', 'Adab dan Akhlak {akhlak}'], subjects: ['Akhlak'] }),
  f({ classification: '2X9.1', language: 'ind', audience: 'islamic', weight: 3, titles: ['Sejarah {tokohIslam}', 'Kisah {tokohIslam} untuk Anak', 'Sirah {tokohIslam}'], subjects: ['Sejarah Islam', 'Biografi'] }),
  f({ classification: '2X0', language: 'ind', audience: 'school-smp', weight: 3, titles: ['Pendidikan Agama Islam dan Budi Pekerti Kelas {kelas}'], subjects: ['Pendidikan agama Islam', 'Buku pelajaran'] }),
  f({ classification: '207', language: 'ind', audience: 'school-sma', weight: 2, titles: ['Pendidikan Agama {agamaLain} Kelas {kelas}'], subjects: ['Pendidikan agama', 'Buku pelajaran'] }),
  // 300 Ilmu Sosial
  f({ classification: '300', language: 'ind', audience: 'academic', weight: 4, titles: ['Pengantar {sosial}{volume}', 'Dasar-Dasar {sosial}', '{sosial} Indonesia Kontemporer'], subjects: ['Ilmu sosial'] }),
  f({ classification: '300', language: 'eng', audience: 'academic', weight: 2, titles: ['Principles of {social}{volumeEn}', 'An Introduction to {social}'], subjects: ['Social sciences'] }),
  f({ classification: '346.598', language: 'ind', audience: 'academic', weight: 2, titles: ['Hukum {hukum} di Indonesia', 'Memahami Hukum {hukum}'], subjects: ['Hukum'] }),
  f({ classification: '371.3', language: 'ind', audience: 'general', weight: 3, titles: ['Kurikulum Merdeka untuk Guru {mapel}', 'Strategi Pembelajaran {mapel}', 'Pendidikan Karakter di Sekolah{volume}'], subjects: ['Pendidikan', 'Pengajaran'] }),
  f({ classification: '398.209 598', language: 'ind', audience: 'children', weight: 5, titles: ['Cerita Rakyat {daerah}', 'Dongeng {dongeng}', 'Legenda {dongeng}', 'Kumpulan Cerita Rakyat Nusantara{volume}'], subjects: ['Cerita rakyat', 'Dongeng'] }),
  f({ classification: '363.11', language: 'ind', audience: 'technical', weight: 2, titles: ['Keselamatan dan Kesehatan Kerja di Industri {industri}', 'Manajemen K3 {industri}'], subjects: ['Keselamatan kerja'] }),
  f({ classification: '315.98', language: 'ind', audience: 'general', weight: 1, format: 'serial', titles: ['{daerah} dalam Angka', 'Statistik Daerah {daerah}'], subjects: ['Statistik'], referenceOnly: true }),
  // 400 Bahasa
  f({ classification: '423', language: 'ind', audience: 'general', weight: 2, referenceOnly: true, titles: ['Kamus {bahasa}-Indonesia', 'Kamus Lengkap Indonesia-{bahasa}'], subjects: ['Kamus'] }),
  f({ classification: '499.221', language: 'ind', audience: 'school-smp', weight: 4, titles: ['Bahasa Indonesia untuk SMP/MTs Kelas {smpKelas}', 'Bahasa Indonesia Kelas {kelas}', 'Tata Bahasa Baku Bahasa Indonesia'], subjects: ['Bahasa Indonesia', 'Buku pelajaran'] }),
  f({ classification: '428', language: 'eng', audience: 'school-sma', weight: 3, titles: ['English for SMA Grade {smaKelas}', 'English Grammar in Use{volumeEn}', 'Reading for Pleasure: Stories from {englishNoun} Island'], subjects: ['English language', 'Textbooks'] }),
  f({ classification: '492.7', language: 'ind', audience: 'islamic', weight: 1, titles: ['Belajar Bahasa Arab untuk Pemula{volume}', 'Nahwu dan Sharaf Praktis'], subjects: ['Bahasa Arab'] }),
  // 500 Sains & Matematika
  f({ classification: '510', language: 'ind', audience: 'school-sma', weight: 6, titles: ['Matematika untuk SMA/MA Kelas {smaKelas}', 'Matematika Kelas {kelas}', 'Kumpulan Soal Matematika SMP{volume}', 'Matematika Itu Asyik{volume}'], subjects: ['Matematika', 'Buku pelajaran'] }),
  f({ classification: '500', language: 'ind', audience: 'school-sd', weight: 4, titles: ['Ilmu Pengetahuan Alam Kelas {sdKelas}', 'Eksperimen Sains Sederhana{volume}', 'Sains di Sekitar Kita'], subjects: ['Sains', 'Buku pelajaran'] }),
  f({ classification: '530', language: 'ind', audience: 'academic', weight: 3, titles: ['{sains} Dasar{volume}', 'Pengantar {sains}', 'Soal dan Pembahasan {sains}'], subjects: ['Sains'] }),
  f({ classification: '530', language: 'eng', audience: 'academic', weight: 2, titles: ['Fundamentals of {science}{volumeEn}', 'University {science}'], subjects: ['Science'] }),
  f({ classification: '590', language: 'ind', audience: 'children', weight: 4, titles: ['Mengenal {hewan}', 'Kehidupan {hewan} di Alam Liar', 'Aku Sayang {hewan}'], subjects: ['Hewan', 'Bacaan anak'] }),
  f({ classification: '578.7', language: 'ind', audience: 'general', weight: 2, titles: ['Flora dan Fauna {daerah}', 'Hutan Hujan {daerah}', 'Ekosistem Pesisir {daerah}'], subjects: ['Ekologi', 'Lingkungan'] }),
  // 600 Teknologi
  f({ classification: '660', language: 'ind', audience: 'technical', weight: 4, titles: ['Teknik {teknik}: Teori dan Praktik{volume}', 'Proses Industri {industri}', 'Pengolahan {industri}'], subjects: ['Teknik', 'Industri'] }),
  f({ classification: '660', language: 'eng', audience: 'technical', weight: 3, titles: ['Handbook of {engineering}{volumeEn}', '{engineering}: Principles and Practice', 'Introduction to {engineering}'], subjects: ['Engineering'] }),
  f({ classification: '631.5', language: 'ind', audience: 'general', weight: 3, titles: ['Budidaya {tanaman}', 'Sukses Bertanam {tanaman}', 'Budidaya {ternak} di Lahan Sempit'], subjects: ['Pertanian', 'Budidaya'] }),
  f({ classification: '641.5', language: 'ind', audience: 'general', weight: 3, titles: ['Resep Masakan {masakan}', '100 Resep {masakan}', 'Kue dan Jajanan {masakan}'], subjects: ['Masakan', 'Resep'] }),
  f({ classification: '613', language: 'ind', audience: 'general', weight: 3, titles: ['{kesehatan}', 'Panduan {kesehatan} untuk Keluarga', 'Mengenal {kesehatan}'], subjects: ['Kesehatan'] }),
  f({ classification: '658', language: 'ind', audience: 'academic', weight: 2, titles: ['Manajemen {sosial} Perusahaan', 'Kewirausahaan untuk SMK{volume}'], subjects: ['Manajemen', 'Kewirausahaan'] }),
  // 700 Kesenian & Olahraga
  f({ classification: '745', language: 'ind', audience: 'general', weight: 3, titles: ['Seni {seni} {daerah}', 'Mengenal Seni {seni}', 'Teknik Dasar {seni}'], subjects: ['Kesenian'] }),
  f({ classification: '796', language: 'ind', audience: 'school-smp', weight: 3, titles: ['Teknik Dasar {olahraga}', 'Peraturan Permainan {olahraga}', 'Pendidikan Jasmani Kelas {kelas}'], subjects: ['Olahraga'] }),
  f({ classification: '781.7', language: 'ind', audience: 'general', weight: 1, format: 'audio', titles: ['Lagu Daerah {daerah}', 'Musik Tradisional {daerah}'], subjects: ['Musik tradisional'] }),
  f({ classification: '791.43', language: 'ind', audience: 'general', weight: 1, format: 'video', titles: ['Film Dokumenter: {daerah}', 'Video Pembelajaran {mapel}'], subjects: ['Film', 'Media pembelajaran'] }),
  // 800 Kesusastraan
  f({ classification: '899.221 3', language: 'ind', audience: 'general', weight: 14, titles: ['{sifat} di {tempat}', '{orang} {sifat}', '{sifat} untuk {orang}', 'Sepotong {sifat}', '{sifat} Terakhir di {tempat}', 'Catatan {orang} dari {tempat}'], subjects: ['Fiksi Indonesia', 'Novel'] }),
  f({ classification: '899.221 1', language: 'ind', audience: 'general', weight: 3, titles: ['Kumpulan Puisi: {sifat}', 'Antologi Puisi {daerah}', 'Sajak-Sajak {sifat}'], subjects: ['Puisi Indonesia'] }),
  f({ classification: '899.221 3', language: 'ind', audience: 'children', weight: 5, titles: ['Petualangan {orang} Kecil di {tempat}', 'Si {hewan} yang Baik Hati', 'Cerita Anak: {sifat} dan {hewan}'], subjects: ['Cerita anak', 'Fiksi'] }),
  f({ classification: '823', language: 'eng', audience: 'general', weight: 5, titles: ['The {englishAdj} {englishNoun}', 'A {englishNoun} of {englishNoun}s', 'The {englishNoun} Keeper', 'Beyond the {englishNoun}'], subjects: ['English fiction'] }),
  f({ classification: '899.222', language: 'jav', audience: 'general', weight: 1, titles: ['Cerkak Basa Jawa: {sifat}', 'Geguritan {sifat}'], subjects: ['Kesusastraan Jawa'] }),
  // 900 Sejarah & Geografi
  f({ classification: '959.8', language: 'ind', audience: 'school-sma', weight: 5, titles: ['Sejarah {era}', 'Sejarah Indonesia Kelas {smaKelas}', 'Sejarah {daerah}{volume}', 'Jejak {era} di {daerah}'], subjects: ['Sejarah Indonesia'] }),
  f({ classification: '920', language: 'ind', audience: 'general', weight: 3, titles: ['Biografi {tokoh}', 'Mengenal Pahlawan: {tokoh}', '{tokoh}: Kisah Hidup dan Perjuangan'], subjects: ['Biografi', 'Pahlawan nasional'] }),
  f({ classification: '912', language: 'ind', audience: 'school-sd', weight: 2, format: 'map', referenceOnly: true, titles: ['Atlas {negara}', 'Atlas Lengkap {negara} dan Dunia', 'Peta {daerah}'], subjects: ['Atlas', 'Geografi'] }),
  f({ classification: '910', language: 'ind', audience: 'general', weight: 2, titles: ['Geografi {negara}', 'Jelajah {daerah}', 'Pesona Wisata {daerah}'], subjects: ['Geografi', 'Pariwisata'] }),
  f({ classification: '909', language: 'eng', audience: 'academic', weight: 1, titles: ['A History of {negara}', 'The Making of Modern {negara}'], subjects: ['History'] }),
  // Skripsi and theses of the university, about the city's companies
  f({ classification: '658.3', language: 'ind', audience: 'academic', weight: 3, format: 'thesis', titles: ['{analisis} {topikSkripsi} pada PT {perusahaan}', '{analisis} {topikSkripsi} di Kota Bontang'], subjects: ['Skripsi'] }),
];

export const names = {
  first: ['Andi', 'Budi', 'Siti', 'Dewi', 'Agus', 'Rina', 'Joko', 'Sri', 'Ahmad', 'Nur', 'Eko', 'Wahyu', 'Hadi',
    'Putri', 'Fajar', 'Yusuf', 'Fitri', 'Rizki', 'Indah', 'Bambang', 'Lestari', 'Arif', 'Maya', 'Hendra', 'Ayu',
    'Dian', 'Rahmat', 'Nurul', 'Teguh', 'Ratna', 'Iwan', 'Sari', 'Dedi', 'Wulan', 'Yohanes', 'Maria', 'Made',
    'Ketut', 'Abdul', 'Muhammad', 'Aisyah', 'Hasan', 'Zainal', 'Syamsul', 'Irfan', 'Kartika', 'Bayu', 'Citra',
    'Gilang', 'Herlina', 'Imam', 'Januar', 'Lukman', 'Mega', 'Novi', 'Oktavia', 'Prasetyo', 'Ridwan', 'Taufik', 'Yanti'],
  last: ['Santoso', 'Wijaya', 'Pratama', 'Lestari', 'Hidayat', 'Saputra', 'Kurniawan', 'Nugroho', 'Rahman',
    'Setiawan', 'Susanto', 'Halim', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Wibowo', 'Purnomo', 'Hakim',
    'Syahputra', 'Gunawan', 'Suharto', 'Sitompul', 'Tanjung', 'Ramadhan', 'Firmansyah', 'Hutapea', 'Panjaitan',
    'Rusdi', 'Mahmud', 'Aziz', 'Kusuma', 'Anwar', 'Yusuf', 'Iskandar', 'Sulistyo', 'Daeng', 'Tarigan', 'Ginting',
    'Manurung', 'Effendi', 'Syafii', 'Baharuddin', 'Arifin', 'Mulyadi', 'Hartono', 'Sembiring', 'Lubis'],
  englishFirst: ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Emma', 'James', 'Olivia', 'Robert', 'Anna',
    'Thomas', 'Laura', 'Peter', 'Helen', 'Richard', 'Claire'],
  englishLast: ['Smith', 'Brown', 'Taylor', 'Wilson', 'Johnson', 'Clarke', 'Walker', 'Hughes', 'Green', 'Lewis',
    'Hall', 'Wood', 'Baker', 'Turner', 'Hill', 'Cooper'],
};

export const publishers = {
  ind: [['Gramedia Pustaka Utama', 'Jakarta'], ['Erlangga', 'Jakarta'], ['Bentang Pustaka', 'Yogyakarta'],
    ['Mizan', 'Bandung'], ['Balai Pustaka', 'Jakarta'], ['Penerbit Andi', 'Yogyakarta'], ['Kanisius', 'Yogyakarta'],
    ['Deepublish', 'Yogyakarta'], ['Remaja Rosdakarya', 'Bandung'], ['Bumi Aksara', 'Jakarta'], ['Grasindo', 'Jakarta'],
    ['Republika', 'Jakarta'], ['Gema Insani', 'Depok'], ['Pustaka Al-Kautsar', 'Jakarta'], ['Lentera Hati', 'Tangerang'],
    ['Yrama Widya', 'Bandung'], ['Intan Pariwara', 'Klaten'], ['Tiga Serangkai', 'Solo'], ['Elex Media Komputindo', 'Jakarta'],
    ['Informatika', 'Bandung'], ['Kementerian Pendidikan dan Kebudayaan', 'Jakarta'], ['Pemerintah Kota Bontang', 'Bontang'],
    ['Mulawarman University Press', 'Samarinda'], ['Badan Pusat Statistik', 'Bontang']],
  eng: [['Penguin', 'London'], ['Oxford University Press', 'Oxford'], ['Cambridge University Press', 'Cambridge'],
    ['Wiley', 'Hoboken'], ['Pearson', 'Harlow'], ['Springer', 'Cham'], ['McGraw-Hill', 'New York'], ['Elsevier', 'Amsterdam']],
};

/** Shelves by kind of library, for the copies' locations. */
export const locations: Record<string, string[]> = {
  public: ['Ruang Koleksi Umum', 'Ruang Baca Anak', 'Ruang Referensi', 'Ruang Koleksi Islam', 'Ruang Deposit Kaltim', 'Ruang Remaja'],
  university: ['Lantai 1 Sirkulasi', 'Lantai 2 Referensi', 'Ruang Skripsi dan Tesis', 'Ruang Jurnal'],
  school: ['Rak Buku Pelajaran', 'Rak Fiksi', 'Rak Referensi', 'Pojok Literasi Kelas'],
  company: ['Rak Teknik', 'Rak K3 dan Lingkungan', 'Rak Manajemen'],
  'reading-corner': ['Rak Pojok Baca'],
};
