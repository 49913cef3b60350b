#pragma once
// A small snapshot directory written by a test: the manifest, workers.csv and
// the six lists, each with the minimal headers (a list not given is written
// with its header only), in a fresh temporary directory removed afterwards.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

namespace casesim::snapshot::testing {

inline const std::map<int, std::string> kListHeaders = {
    {3, "Child Unique ID,Date of referral,Referral NFA?,Allocated Worker"},
    {4,
     "Child Unique ID,Continuous Assessment Start Date,Continuous Assessment Date of Authorisation,"
     "Allocated Worker"},
    {5,
     "Child Unique ID,Strategy discussion initiating Section 47 Enquiry Start Date,"
     "Was an ICPC deemed unnecessary?,Date of Initial Child Protection Conference,Allocated Worker"},
    {6, "Child Unique ID,CIN Start Date,Date Child Was Last Seen,CIN Closure Date,Case Status,Allocated Worker"},
    {7,
     "Child Unique ID,Child Protection Plan Start Date,Date of the Last Statutory Visit,"
     "Date of latest review conference,Child Protection Plan End Date,Allocated Worker"},
    {8,
     "Child Unique ID,Date Started to be Looked After,Date of Last Social Work Visit,"
     "Date of Latest Statutory Review,Date Ceased to be Looked After,Allocated Worker"},
};

inline const std::string kWorkersHeader = "Worker,Team,FTE,Agency,Newly Qualified,Start Date,Absent Until\n";
// Two workers: line 2 and line 3 of workers.csv.
inline const std::string kTwoWorkers = kWorkersHeader +
                                       "Priya Shah,North,1.0,No,No,04/03/2019,\n"
                                       "Kwame Mensah,North,0.6,Yes,No,15/06/2026,\n";

class FixtureDirectory {
 public:
  FixtureDirectory() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() / ("casesim_snapshot_" + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~FixtureDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  FixtureDirectory(const FixtureDirectory&) = delete;
  FixtureDirectory& operator=(const FixtureDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out << bytes;
  }

  // snapshot.yaml with this extract date, workers.csv, and list3.csv to
  // list8.csv, with `rows[n]` (text after the header) in list n.
  void write_snapshot(const std::map<int, std::string>& rows, const std::string& workers = kTwoWorkers,
                      const std::string& extract_date = "2027-01-15") const {
    write("snapshot.yaml", "extract_date: " + extract_date + "\n");
    write("workers.csv", workers);
    for (const auto& [number, header] : kListHeaders) {
      const auto it = rows.find(number);
      write("list" + std::to_string(number) + ".csv", header + "\n" + (it == rows.end() ? "" : it->second));
    }
  }

 private:
  std::filesystem::path path_;
};

}  // namespace casesim::snapshot::testing
